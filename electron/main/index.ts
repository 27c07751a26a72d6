import { app, BrowserWindow, clipboard, dialog, ipcMain, shell } from 'electron'
import { createApp } from '../app/create-app'
import type { Library } from '../domain/library/library'
import { resolveLibraryDir } from '../domain/library/library-location'
import { openLibrary } from '../domain/library/open-library'
import { OpenedFiles } from '../desktop/open-with'
import sample from './assets/sample-pusher-ii-2004.txt?raw'
import { catchMainErrors, watchRenderer } from './crash'
import { argvFiles, setupDesktop, type Desktop } from './desktop'
import { electronDialogs } from './dialogs'
import { openExternalChecked } from './external-url'
import { registerIpc } from './ipc'
import { setupLogging } from './logging'
import { createPdfPrinter } from './print-pdf'
import { mirrorImportProgress } from './taskbar-progress'
import { isOwnPage, setupSecurity } from './security'
import { createMainWindow, rendererUrl } from './window'

// The app's wiring, and nothing else: every behaviour lives in a module it calls.

let mainWindow: BrowserWindow | undefined
let library: Library | undefined
let desktop: Desktop | undefined
const currentWindow = () => mainWindow
const { log, logPath } = setupLogging(app.getPath('userData'))
// Files the OS hands over before the window exists wait here (argv now, open-file any time).
const opened = new OpenedFiles()
opened.add(argvFiles(process.argv, process.cwd()))

function showWindow(): void {
  mainWindow = createMainWindow(desktop?.prefs.get().window ?? null)
  mainWindow.on('closed', () => (mainWindow = undefined))
  watchRenderer(mainWindow, log, logPath)
  desktop?.attach(mainWindow)
}

async function start(): Promise<void> {
  const dir = resolveLibraryDir({
    argv: process.argv,
    env: process.env,
    userData: app.getPath('userData'),
  })
  try {
    // The list first, from list-cache.bin; the review text follows in the background.
    library = await openLibrary(dir, { staged: true })
  } catch (e) {
    log.error('library not opened:', e)
    dialog.showErrorBox(
      'Review Curator cannot open its library',
      e instanceof Error ? e.message : String(e),
    )
    app.exit(1)
    return
  }
  library.onNotice((notice) => log.warn(notice))
  // The window shows them (library:opening-notices) until dismissed; the log keeps them.
  for (const notice of library.notices) log.warn(notice)
  // Reading the review files may find more (a damaged file restored): logged once they are read.
  const known = library.notices.length
  const staged = library
  void staged.bodies().then(
    () => staged.notices.slice(known).forEach((notice) => log.warn(notice)),
    (e: unknown) => log.error('review text not read:', e),
  )
  desktop = await setupDesktop({
    userData: app.getPath('userData'),
    log,
    logPath,
    window: currentWindow,
    opened,
  })
  const taskbar = mirrorImportProgress(currentWindow)
  const curator = createApp({
    library,
    dialogs: desktop.dialogs(electronDialogs(currentWindow)),
    openExternal: (url) => openExternalChecked(url, (u) => shell.openExternal(u)),
    sample: { fileName: 'Pusher II (2004) sample.txt', content: sample },
    emit: (event, payload) => {
      mainWindow?.webContents.send(event, payload)
      taskbar(event, payload)
    },
    printPdf: createPdfPrinter(),
    locale: app.getLocale(),
    writeClipboard: (text) => clipboard.writeText(text),
  })
  const url = rendererUrl()
  registerIpc(
    ipcMain,
    curator.dispatch,
    (event) => event.sender === mainWindow?.webContents && isOwnPage(event.senderFrame?.url, url),
    (channel, error) => log.error(`${channel}:`, error.message),
  )
  showWindow()
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  catchMainErrors(log, logPath)
  setupSecurity(rendererUrl())
  // macOS: files dropped on the dock icon or opened from Finder, also before the app is ready.
  app.on('open-file', (event, path) => {
    event.preventDefault()
    if (desktop) desktop.open([path])
    else opened.add([path])
  })
  app.on('second-instance', (_event, argv, workingDirectory) => {
    if (mainWindow?.isMinimized()) mainWindow.restore()
    mainWindow?.focus()
    const files = argvFiles(argv, workingDirectory)
    if (desktop) desktop.open(files)
    else opened.add(files)
  })
  app.whenReady().then(start)
  app.on('activate', () => {
    if (library && BrowserWindow.getAllWindows().length === 0) showWindow()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  // Release the library lock (and finish saving settings) before exiting, so a quick restart
  // does not find it held.
  app.on('will-quit', (event) => {
    if (!library) return
    event.preventDefault()
    const closing = library
    library = undefined
    void Promise.allSettled([closing.close(), desktop?.prefs.flushed()]).finally(() => app.quit())
  })
}
