import { Menu } from 'electron'
import { buildMenuTemplate, type MenuOptions } from '../desktop/menu-template'

/** Builds the template (electron/desktop/menu-template.ts) into the application menu. */
export function setupMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(buildMenuTemplate(options)))
}
