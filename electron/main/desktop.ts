import { statSync } from 'node:fs'
import { join } from 'node:path'
import { app, dialog, nativeTheme, shell, type BrowserWindow } from 'electron'
import type { Dialogs } from '../app/create-app'
import { aboutText } from '../desktop/crash-dialogs'
import { filesFromArgv, OpenedFiles } from '../desktop/open-with'
import {
  createPrefsStore,
  readPrefs,
  withRecent,
  type PrefsStore,
  type ThemeSource,
} from '../desktop/prefs-file'
import type { MainLog } from './logging'
import { setupMenu } from './menu'
import { windowState } from './window'

// Desktop behaviour around the window: files opened with the app, recent imports, the theme
// override, window state and the menu. Decisions live in electron/desktop; this only wires them.

const isFile = (path: string) => {
  try {
    return statSync(path).isFile()
  } catch {
    return false
  }
}

export const argvFiles = (argv: readonly string[], cwd: string) =>
  filesFromArgv(argv, { defaultApp: process.defaultApp === true, cwd, isFile })

export interface Desktop {
  prefs: PrefsStore
  /** The import dialog, taking files opened with the app before asking. */
  dialogs(base: Dialogs): Dialogs
  /** Queues files from the OS and tells the page, once it can hear it. */
  open(paths: readonly string[]): void
  attach(win: BrowserWindow): void
  rebuildMenu(): void
}

export async function setupDesktop(deps: {
  userData: string
  log: MainLog
  logPath: string
  window: () => BrowserWindow | undefined
  opened: OpenedFiles
}): Promise<Desktop> {
  const { log, logPath, window, opened } = deps
  const prefsPath = join(deps.userData, 'desktop-settings.json')
  const read = await readPrefs(prefsPath)
  if (read.problem) log.warn('settings reset to defaults:', read.problem)
  const prefs = createPrefsStore(prefsPath, read.prefs, (e) => log.warn('settings not saved:', e))
  nativeTheme.themeSource = prefs.get().theme
  // One open-files event at a time: the page's next import:preview takes everything queued.
  let inFlight = false

  const deliver = () => {
    const win = window()
    if (!win || inFlight || opened.size === 0) return
    if (win.webContents.isLoading()) return // did-finish-load delivers
    inFlight = true
    if (win.isMinimized()) win.restore()
    win.focus()
    win.webContents.send('app:open-files', { count: opened.size })
  }

  const remember = (paths: readonly string[]) => {
    if (paths.length === 0) return
    for (const path of paths) app.addRecentDocument(path)
    void prefs.update((p) => ({
      ...p,
      recent: paths.reduce((r, path) => withRecent(r, path), p.recent),
    }))
    rebuildMenu()
  }

  const setTheme = (theme: ThemeSource) => {
    nativeTheme.themeSource = theme
    void prefs.update((p) => ({ ...p, theme }))
    rebuildMenu()
  }

  function rebuildMenu() {
    setupMenu({
      platform: process.platform,
      appName: app.getName(),
      recent: prefs.get().recent,
      theme: prefs.get().theme,
      development: process.env.NODE_ENV === 'development',
      actions: {
        command: (command) => window()?.webContents.send('menu:command', { command }),
        openRecent: (path) => {
          if (isFile(path)) return desktop.open([path])
          void prefs.update((p) => ({ ...p, recent: p.recent.filter((r) => r !== path) }))
          rebuildMenu()
          dialog.showErrorBox('Review Curator', `${path} no longer exists.`)
        },
        clearRecent: () => {
          app.clearRecentDocuments()
          void prefs.update((p) => ({ ...p, recent: [] }))
          rebuildMenu()
        },
        setTheme,
        showLogs: () => {
          log.info('logs opened from the Help menu')
          void shell.openPath(logPath).then((error) => {
            if (error) shell.showItemInFolder(logPath)
          })
        },
        about: () => {
          const text = aboutText(app.getName(), {
            app: app.getVersion(),
            electron: process.versions.electron,
            chrome: process.versions.chrome,
            node: process.versions.node,
          })
          const win = window()
          const options = { type: 'info' as const, title: `About ${app.getName()}`, ...text }
          void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options))
        },
      },
    })
  }

  const desktop: Desktop = {
    prefs,
    dialogs: (base) => ({
      ...base,
      async chooseImportFiles() {
        inFlight = false
        const paths = opened.size > 0 ? opened.take() : await base.chooseImportFiles()
        remember(paths)
        return paths
      },
    }),
    open(paths) {
      opened.add(paths)
      deliver()
    },
    attach(win) {
      win.webContents.on('did-finish-load', () => {
        // A reload drops a request the old page never made.
        inFlight = false
        deliver()
      })
      win.on('close', () => void prefs.update((p) => ({ ...p, window: windowState(win) })))
    },
    rebuildMenu,
  }
  rebuildMenu()
  return desktop
}
