import { basename } from 'node:path'
import type { Events } from '../../shared/contract'
import type { ThemeSource } from './prefs-file'

// The application menu as data, per platform convention: macOS has the app menu (About, Hide,
// Quit) and Close in File; Windows and Linux have File (with Exit/Quit), Edit, View and Help,
// with About in Help. Electron only builds it (electron/main/menu.ts).

/**
 * The part of Electron's `MenuItem` this menu uses, spelled out here so this file
 * stays plain Node (tested without Electron). electron/main/menu.ts hands it to
 * `Menu.buildFromTemplate`, so the compiler checks it still fits Electron's type.
 */
export interface MenuItem {
  label?: string
  accelerator?: string
  enabled?: boolean
  checked?: boolean
  type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio'
  role?:
    | 'services'
    | 'hide'
    | 'hideOthers'
    | 'unhide'
    | 'quit'
    | 'close'
    | 'cut'
    | 'copy'
    | 'paste'
    | 'selectAll'
    | 'resetZoom'
    | 'zoomIn'
    | 'zoomOut'
    | 'togglefullscreen'
    | 'toggleDevTools'
    | 'windowMenu'
    | 'help'
  click?: () => void
  submenu?: MenuItem[]
}

export type MenuCommand = Events['menu:command']['command']

export interface MenuActions {
  command(command: MenuCommand): void
  openRecent(path: string): void
  clearRecent(): void
  setTheme(theme: ThemeSource): void
  showLogs(): void
  about(): void
}

export interface MenuOptions {
  platform: NodeJS.Platform
  appName: string
  recent: readonly string[]
  theme: ThemeSource
  /** Developer tools only in `npm run dev`. */
  development: boolean
  actions: MenuActions
}

const THEME_LABELS: Record<ThemeSource, string> = {
  system: 'Use System Setting',
  light: 'Light',
  dark: 'Dark',
}

/** File names as menu labels: `&` would be read as a mnemonic marker on Windows and Linux. */
function recentLabels(recent: readonly string[]): string[] {
  const names = recent.map((p) => basename(p))
  return recent.map((path, i) => {
    const name = names[i]!
    // Two files of the same name are told apart by their folders.
    const label = names.indexOf(name) === names.lastIndexOf(name) ? name : path
    return label.replaceAll('&', '&&')
  })
}

export function buildMenuTemplate(options: MenuOptions): MenuItem[] {
  const { platform, appName, recent, theme, development, actions } = options
  const isMac = platform === 'darwin'
  const send = (command: MenuCommand) => () => actions.command(command)
  const labels = recentLabels(recent)

  const recentMenu: MenuItem = {
    label: 'Import Recent',
    submenu: [
      ...recent.map((path, i) => ({ label: labels[i], click: () => actions.openRecent(path) })),
      ...(recent.length > 0 ? [{ type: 'separator' as const }] : []),
      { label: 'Clear Menu', enabled: recent.length > 0, click: actions.clearRecent },
    ],
  }

  const about: MenuItem = { label: `About ${appName}`, click: actions.about }

  return [
    ...(isMac
      ? [
          {
            label: appName,
            submenu: [
              about,
              { type: 'separator' },
              { role: 'services' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ] satisfies MenuItem[],
          },
        ]
      : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        recentMenu,
        { label: 'Paste Reviews…', accelerator: 'CmdOrCtrl+Shift+V', click: send('import-paste') },
        { label: 'Re-parse Imports…', click: send('reparse') },
        { type: 'separator' },
        { label: 'Export…', accelerator: 'CmdOrCtrl+Alt+E', click: send('export') },
        { label: 'Export JSON…', accelerator: 'CmdOrCtrl+E', click: send('export-json') },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-csv') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      // Undo/redo go to the page: in a text field they edit the text, elsewhere they step the
      // library's history. A role item would only ever undo typing.
      label: '&Edit',
      submenu: [
        { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: send('undo') },
        {
          label: 'Redo',
          accelerator: platform === 'win32' ? 'Ctrl+Y' : 'Shift+CmdOrCtrl+Z',
          click: send('redo'),
        },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: '&View',
      submenu: [
        {
          label: 'Appearance',
          submenu: (Object.keys(THEME_LABELS) as ThemeSource[]).map((source) => ({
            label: THEME_LABELS[source],
            type: 'radio' as const,
            checked: theme === source,
            click: () => actions.setTheme(source),
          })),
        },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(development ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    ...(isMac ? [{ role: 'windowMenu' as const }] : []),
    {
      label: '&Help',
      role: 'help',
      submenu: [
        // The page's own shortcut is "?", which a menu accelerator cannot carry on every layout.
        { label: 'Keyboard Shortcuts', click: send('shortcuts') },
        { label: 'Check Library…', click: send('check-library') },
        { type: 'separator' },
        { label: 'Show Logs', click: actions.showLogs },
        ...(isMac ? [] : [{ type: 'separator' as const }, about]),
      ],
    },
  ]
}
