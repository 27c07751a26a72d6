import { useEffect, useRef } from 'react'
import { digitOf, hasMod, isTyping, markUndoKey } from '../keys'

export interface ShortcutActions {
  undo: () => void
  redo: () => void
  toggleTag: (position: number) => void
  rate: (rating: number | null) => void
  toggleKeep: () => void
  highlight: () => void
  showShortcuts: () => void
  toggleInsights: () => void
  focusSearch: () => void
  focusList: () => void
  /** Copies the focused (else the first) highlight of the review with its attribution. */
  copyQuote: () => void
}

/**
 * The app-wide keys (documented in the shortcuts sheet, `?`). Single keys never fire while the
 * user types in a field, and Ctrl/Cmd+Z there stays the field's own text undo.
 */
export function useShortcuts(actions: ShortcutActions, enabled: boolean): void {
  const latest = useRef(actions)
  useEffect(() => {
    latest.current = actions
  })
  useEffect(() => {
    if (!enabled) return
    const onKey = (event: KeyboardEvent) => {
      const key = event.key.toLowerCase()
      if (hasMod(event) && (key === 'z' || key === 'y')) markUndoKey()
      if (event.defaultPrevented) return
      if (document.querySelector('dialog[open]')) return
      const a = latest.current
      const typing = isTyping(event.target)
      const run = (action: () => void) => {
        event.preventDefault()
        action()
      }
      if (hasMod(event) && !event.altKey) {
        if (typing) return
        if (key === 'z') return run(event.shiftKey ? a.redo : a.undo)
        if (key === 'y') return run(a.redo)
        if (key === 'f') return run(a.focusSearch)
        return
      }
      if (typing || event.ctrlKey || event.metaKey) return
      const digit = digitOf(event)
      if (event.altKey) {
        if (digit !== null) return run(() => a.rate(digit === 0 ? 10 : digit))
        if (event.key === 'Backspace' || event.key === 'Delete') return run(() => a.rate(null))
        return
      }
      if (digit !== null && digit >= 1 && !event.shiftKey) return run(() => a.toggleTag(digit))
      if (event.key === '?') return run(a.showShortcuts)
      if (event.key === '/') return run(a.focusSearch)
      if (key === 'k') return run(a.toggleKeep)
      if (key === 'h') return run(a.highlight)
      if (key === 'i') return run(a.toggleInsights)
      if (key === 'l') return run(a.focusList)
      if (key === 'q') return run(a.copyQuote)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
