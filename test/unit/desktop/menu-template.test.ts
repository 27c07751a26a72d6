import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import {
  buildMenuTemplate,
  type MenuActions,
  type MenuCommand,
} from '../../../electron/desktop/menu-template'
import type { ThemeSource } from '../../../electron/desktop/prefs-file'

type Item = MenuItemConstructorOptions

function recorder() {
  const calls: string[] = []
  const actions: MenuActions = {
    command: (c) => calls.push(`command:${c}`),
    openRecent: (p) => calls.push(`recent:${p}`),
    clearRecent: () => calls.push('clear'),
    setTheme: (t) => calls.push(`theme:${t}`),
    showLogs: () => calls.push('logs'),
    about: () => calls.push('about'),
  }
  return { calls, actions }
}

function menu(platform: NodeJS.Platform, recent: string[] = [], theme: ThemeSource = 'system') {
  const { calls, actions } = recorder()
  const template = buildMenuTemplate({
    platform,
    appName: 'Review Curator',
    recent,
    theme,
    development: false,
    actions,
  })
  return { template, calls }
}

const submenu = (item: Item | undefined): Item[] => (item?.submenu as Item[] | undefined) ?? []
const top = (template: Item[], label: string) =>
  template.find((i) => i.label?.replace('&', '') === label)
const find = (items: Item[], label: string): Item | undefined => {
  for (const item of items) {
    if (item.label === label) return item
    const inner = find(submenu(item), label)
    if (inner) return inner
  }
  return undefined
}
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.call(undefined)

const COMMANDS: [string, MenuCommand, string][] = [
  ['Import…', 'import', 'CmdOrCtrl+O'],
  ['Paste Reviews…', 'import-paste', 'CmdOrCtrl+Shift+V'],
  ['Export…', 'export', 'CmdOrCtrl+Alt+E'],
  ['Export JSON…', 'export-json', 'CmdOrCtrl+E'],
  ['Export CSV…', 'export-csv', 'CmdOrCtrl+Shift+E'],
  ['Undo', 'undo', 'CmdOrCtrl+Z'],
]

describe('application menu', () => {
  it.each(['linux', 'win32'] as const)(
    'on %s: File, Edit, View and Help, Quit in File and About in Help',
    (platform) => {
      const { template, calls } = menu(platform)
      expect(template.map((i) => i.label ?? i.role)).toEqual(['&File', '&Edit', '&View', '&Help'])
      expect(submenu(top(template, 'File')).at(-1)?.role).toBe('quit')
      click(find(submenu(top(template, 'Help')), 'About Review Curator'))
      click(find(template, 'Show Logs'))
      expect(calls).toEqual(['about', 'logs'])
    },
  )

  it('on macOS: the app menu first, with About and Quit; Close in File; a Window menu', () => {
    const { template, calls } = menu('darwin')
    expect(template[0]?.label).toBe('Review Curator')
    const appMenu = submenu(template[0])
    expect(appMenu.map((i) => i.role).filter(Boolean)).toEqual([
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ])
    click(appMenu[0])
    expect(calls).toEqual(['about'])
    expect(submenu(top(template, 'File')).at(-1)?.role).toBe('close')
    expect(template.some((i) => i.role === 'windowMenu')).toBe(true)
    expect(find(submenu(top(template, 'Help')), 'About Review Curator')).toBeUndefined()
  })

  it.each(['linux', 'win32', 'darwin'] as const)(
    'on %s every page command has its item and accelerator',
    (platform) => {
      const { template, calls } = menu(platform)
      for (const [label, command, accelerator] of COMMANDS) {
        const item = find(template, label)
        expect(item?.accelerator, label).toBe(accelerator)
        click(item)
        expect(calls.at(-1)).toBe(`command:${command}`)
      }
      click(find(template, 'Redo'))
      expect(calls.at(-1)).toBe('command:redo')
      click(find(template, 'Keyboard Shortcuts'))
      expect(calls.at(-1)).toBe('command:shortcuts')
      click(find(template, 'Check Library…'))
      expect(calls.at(-1)).toBe('command:check-library')
    },
  )

  it('uses Ctrl+Y for Redo on Windows and Shift+Cmd/Ctrl+Z elsewhere', () => {
    expect(find(menu('win32').template, 'Redo')?.accelerator).toBe('Ctrl+Y')
    expect(find(menu('linux').template, 'Redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z')
    expect(find(menu('darwin').template, 'Redo')?.accelerator).toBe('Shift+CmdOrCtrl+Z')
  })

  it('lists recent imports by name, escapes & and tells same-named files apart', () => {
    const { template, calls } = menu('linux', ['/a/R&D notes.txt', '/a/page.txt', '/b/page.txt'])
    const items = submenu(find(template, 'Import Recent'))
    expect(items.slice(0, 3).map((i) => i.label)).toEqual([
      'R&&D notes.txt',
      '/a/page.txt',
      '/b/page.txt',
    ])
    click(items[1])
    click(find(items, 'Clear Menu'))
    expect(calls).toEqual(['recent:/a/page.txt', 'clear'])
  })

  it('disables Clear Menu when there is nothing recent', () => {
    const items = submenu(find(menu('linux').template, 'Import Recent'))
    expect(items).toHaveLength(1)
    expect(items[0]?.enabled).toBe(false)
  })

  it('shows the remembered appearance checked and switches it', () => {
    const { template, calls } = menu('linux', [], 'dark')
    const items = submenu(find(template, 'Appearance'))
    expect(items.filter((i) => i.checked).map((i) => i.label)).toEqual(['Dark'])
    click(find(items, 'Light'))
    click(find(items, 'Use System Setting'))
    expect(calls).toEqual(['theme:light', 'theme:system'])
  })
})
