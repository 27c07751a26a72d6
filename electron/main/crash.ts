import { app, dialog, type BrowserWindow } from 'electron'
import { mainErrorDialog, rendererGoneDialog } from '../desktop/crash-dialogs'
import type { MainLog } from './logging'

/** An uncaught error in main is logged and shown with the log's path, instead of vanishing. */
export function catchMainErrors(log: MainLog, logPath: string): void {
  const report = (error: unknown) => {
    log.error('uncaught error in main:', error)
    if (!app.isReady()) return
    const text = mainErrorDialog(error, logPath)
    const choice = dialog.showMessageBoxSync({ type: 'error', noLink: true, ...text })
    if (choice === 1) app.exit(1)
  }
  process.on('uncaughtException', report)
  // A rejected promise nobody awaited (a load aborted by a reload, say) is logged, not shown:
  // most are harmless, and a dialog for each would be worse than the fault.
  process.on('unhandledRejection', (reason) => log.error('unhandled rejection in main:', reason))
}

/** A crashed or killed page is logged and the user offered Reload (or Quit). */
export function watchRenderer(win: BrowserWindow, log: MainLog, logPath: string): void {
  win.webContents.on('render-process-gone', (_event, details) => {
    const text = rendererGoneDialog(details, logPath)
    if (!text) return
    log.error('renderer gone:', details.reason, 'exit code', details.exitCode)
    void dialog
      .showMessageBox(win, { type: 'error', noLink: true, ...text })
      .then(({ response }) => {
        if (win.isDestroyed()) return
        if (response === 0) win.webContents.reload()
        else app.quit()
      })
  })
  win.webContents.on('unresponsive', () => log.warn('window unresponsive'))
}
