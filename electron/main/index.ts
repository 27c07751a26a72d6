import { app, BrowserWindow, dialog, ipcMain, shell } from 'electron'
import { createApp } from '../app/create-app'
import type { Library } from '../domain/library/library'
import { resolveLibraryDir } from '../domain/library/library-location'
import { openLibrary } from '../domain/library/open-library'
import sample from './assets/sample-pusher-ii-2004.txt?raw'
import { electronDialogs } from './dialogs'
import { openExternalChecked } from './external-url'
import { registerIpc } from './ipc'
import { setupMenu } from './menu'
import { createPdfPrinter } from './print-pdf'
import { mirrorImportProgress } from './taskbar-progress'
import { isOwnPage, setupSecurity } from './security'
import { createMainWindow, rendererUrl } from './window'

// The app's wiring, and nothing else: every behaviour lives in a module it calls.

let mainWindow: BrowserWindow | undefined
let library: Library | undefined
const currentWindow = () => mainWindow

function showWindow(): void {
  mainWindow = createMainWindow()
  mainWindow.on('closed', () => (mainWindow = undefined))
}

async function start(): Promise<void> {
  const dir = resolveLibraryDir({
    argv: process.argv,
    env: process.env,
    userData: app.getPath('userData'),
  })
  try {
    library = await openLibrary(dir)
  } catch (e) {
    dialog.showErrorBox(
      'Review Curator cannot open its library',
      e instanceof Error ? e.message : String(e),
    )
    app.exit(1)
    return
  }
  for (const notice of library.notices)
    dialog.showErrorBox('Review Curator repaired its library', notice)
  const taskbar = mirrorImportProgress(currentWindow)
  const curator = createApp({
    library,
    dialogs: electronDialogs(currentWindow),
    openExternal: (url) => openExternalChecked(url, (u) => shell.openExternal(u)),
    sample: { fileName: 'Pusher II (2004) sample.txt', content: sample },
    emit: (event, payload) => {
      mainWindow?.webContents.send(event, payload)
      taskbar(event, payload)
    },
    printPdf: createPdfPrinter(),
  })
  const url = rendererUrl()
  registerIpc(ipcMain, curator.dispatch, (event) => {
    return event.sender === mainWindow?.webContents && isOwnPage(event.senderFrame?.url, url)
  })
  setupMenu(currentWindow, process.platform === 'darwin')
  showWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  setupSecurity(rendererUrl())
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
  })
  app.whenReady().then(start)
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Release the library lock before exiting, so a quick restart does not find it held.
  app.on('will-quit', (event) => {
    if (!library) return
    event.preventDefault()
    const closing = library
    library = undefined
    void closing.close().finally(() => app.quit())
  })
}
