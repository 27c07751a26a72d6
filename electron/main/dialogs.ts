import { dialog, type BrowserWindow } from 'electron'
import { EXPORT_FORMAT_LABELS } from '../../shared/channels/export'
import { IMPORT_EXTENSIONS } from '../../shared/formats'
import type { Dialogs } from '../app/create-app'

export function electronDialogs(window: () => BrowserWindow | undefined): Dialogs {
  return {
    async chooseImportFiles() {
      const win = window()
      const options: Electron.OpenDialogOptions = {
        title: 'Import reviews',
        properties: ['openFile', 'multiSelections'],
        filters: [
          {
            name: 'Review dumps',
            extensions: IMPORT_EXTENSIONS,
          },
          { name: 'All files', extensions: ['*'] },
        ],
      }
      const result = win
        ? await dialog.showOpenDialog(win, options)
        : await dialog.showOpenDialog(options)
      return result.canceled ? [] : result.filePaths
    },
    async chooseExportPath(format, suggestedName) {
      const win = window()
      const options: Electron.SaveDialogOptions = {
        title: `Export ${EXPORT_FORMAT_LABELS[format]}`,
        defaultPath: suggestedName,
        filters: [{ name: EXPORT_FORMAT_LABELS[format], extensions: [format] }],
        // Linux's GTK dialog only asks before overwriting when told to.
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      }
      const result = win
        ? await dialog.showSaveDialog(win, options)
        : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? null : result.filePath
    },
  }
}
