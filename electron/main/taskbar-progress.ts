import type { BrowserWindow } from 'electron'
import type { EventName, Events } from '../../shared/contract'

/**
 * Mirrors import progress on the taskbar / dock icon, so a long import is visible when the window
 * is behind others. A negative value removes the bar (Electron's convention).
 */
export function mirrorImportProgress(
  window: () => BrowserWindow | undefined,
): <E extends EventName>(event: E, payload: Events[E]) => void {
  return (event, payload) => {
    if (event !== 'import:progress') return
    const progress = payload as Events['import:progress']
    const win = window()
    if (!win || win.isDestroyed()) return
    win.setProgressBar(progress.active ? Math.min(1, Math.max(0, progress.fraction)) : -1)
  }
}
