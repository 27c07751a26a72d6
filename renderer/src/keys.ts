// Keyboard helpers shared by the shortcut handler and the labels that document it.

export const IS_MAC = /Mac|iPhone|iPad/.test(navigator.platform)
export const MOD = IS_MAC ? '⌘' : 'Ctrl'

/** Ctrl on Windows/Linux, Cmd on macOS. */
export const hasMod = (event: { ctrlKey: boolean; metaKey: boolean }): boolean =>
  IS_MAC ? event.metaKey : event.ctrlKey

/** Typing in a field must never trigger a single-key shortcut. */
export function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false
  if (target.isContentEditable) return true
  if (target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true
  if (target instanceof HTMLInputElement) {
    return !['checkbox', 'radio', 'button', 'submit', 'reset', 'color'].includes(target.type)
  }
  return false
}

/** Alt+digit arrives as a symbol on macOS keyboards, so the physical key decides. */
export function digitOf(event: { code: string; key: string }): number | null {
  const m = /^(?:Digit|Numpad)(\d)$/.exec(event.code) ?? /^(\d)$/.exec(event.key)
  return m ? Number(m[1]) : null
}

// A menu accelerator and the page may both receive one Ctrl/Cmd+Z or Y (platforms differ). When the
// page saw the key it has already acted (text undo in a field, the history elsewhere), so a menu
// command arriving right after it is the same key press and is dropped.
const SAME_PRESS_MS = 400
let undoKeyAt = -Infinity

export function markUndoKey(): void {
  undoKeyAt = performance.now()
}

export function undoKeySeenJustNow(): boolean {
  return performance.now() - undoKeyAt < SAME_PRESS_MS
}
