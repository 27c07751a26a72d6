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
        { label: 'Paste Reviews…', accelerator: 'CmdOrCtrl+Shift+V', click: send('import-paste') },
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
        { label: 'Redo', accelerator: 'Shift+CmdOrCtrl+Z', click: send('redo') },
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
