import { dialog, type BrowserWindow } from 'electron'
import type { Dialogs } from '../domain/ipc/handlers'

export function electronDialogs(window: () => BrowserWindow | undefined): Dialogs {
  return {
    async chooseImportFiles() {
      const win = window()
      const options: Electron.OpenDialogOptions = {
        title: 'Import reviews',
        properties: ['openFile', 'multiSelections'],
        filters: [
          { name: 'Review pages (text)', extensions: ['txt', 'text'] },
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
        title: `Export ${format.toUpperCase()}`,
        defaultPath: suggestedName,
        filters: [{ name: format.toUpperCase(), extensions: [format] }],
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
