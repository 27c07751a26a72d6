import { BrowserWindow, screen } from 'electron'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { MIN_SIZE, restoredBounds, type WindowState } from '../desktop/window-state'

const here = dirname(fileURLToPath(import.meta.url))

export function rendererUrl(): string {
  // electron-vite sets this in `npm run dev`; packaged and `npm start` builds load the file.
  return (
    process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(join(here, '../renderer/index.html')).href
  )
}

/** Opens the window where it was last (clamped to the displays there are now). */
export function createMainWindow(saved: WindowState | null): BrowserWindow {
  const primary = screen.getPrimaryDisplay()
  const others = screen.getAllDisplays().filter((d) => d.id !== primary.id)
  const bounds = restoredBounds(
    saved,
    [primary, ...others].map((d) => d.workArea),
  )
  const win = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Review Curator',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: true,
    },
  })
  win.once('ready-to-show', () => {
    if (saved?.maximized) win.maximize()
    win.show()
  })
  void win.loadURL(rendererUrl())
  return win
}

/** The state to save when the window closes: its normal bounds even while maximised. */
export function windowState(win: BrowserWindow): WindowState {
  const { x, y, width, height } = win.getNormalBounds()
  const bounds = {
    x: Math.round(x),
    y: Math.round(y),
    width: Math.round(width),
    height: Math.round(height),
  }
  return { bounds, maximized: win.isMaximized() }
}
