import { Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { Events } from '../../shared/contract'

type Command = Events['menu:command']['command']

/** File → Import/Export send a command to the page, which runs it through the same IPC as its buttons. */
export function setupMenu(window: () => BrowserWindow | undefined, isMac: boolean): void {
  const send = (command: Command) => () => window()?.webContents.send('menu:command', { command })
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: '&File',
      submenu: [
        { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: send('import') },
        { type: 'separator' },
        { label: 'Export JSON…', accelerator: 'CmdOrCtrl+E', click: send('export-json') },
        { label: 'Export CSV…', accelerator: 'CmdOrCtrl+Shift+E', click: send('export-csv') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    {
      label: '&View',
      submenu: [
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(process.env.NODE_ENV === 'development' ? [{ role: 'toggleDevTools' as const }] : []),
      ],
    },
    { role: 'windowMenu' },
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
