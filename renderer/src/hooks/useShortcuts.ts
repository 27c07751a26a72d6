import { useEffect, useRef } from 'react'
import { focusReviewList, inShortcutScope, reviewList } from '../focus'
import { digitOf, hasMod, isTyping, markUndoKey } from '../keys'

export interface ShortcutActions {
  undo: () => void
  redo: () => void
  toggleTag: (key: number) => void
  rate: (rating: number | null) => void
  toggleKeep: () => void
  /** Marks the current review (or the selection) reviewed and moves to the next one. */
  reviewedNext: () => void
  /** Moves the current review one row down (1) or up (-1) the list. */
  step: (by: 1 | -1) => void
  highlight: () => void
  showShortcuts: () => void
  toggleInsights: () => void
  focusSearch: () => void
  focusList: () => void
  /** Copies the focused (else the first) highlight of the review with its attribution. */
  copyQuote: () => void
  /** Enter on the list: the keyboard moves into the reader. */
  openReader: () => void
  focusTagField: () => void
  focusNote: () => void
}

/**
 * The app-wide keys (documented in the shortcuts sheet, `?`). Single keys never fire while the
 * user types in a field, and act on reviews only while focus is in the list or the reader (focus
 * rule 5 in focus.ts); Ctrl/Cmd+Z in a field stays the field's own text undo.
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
      // Focus rule 3: Esc out of any field (those with an Esc of their own prevent this one).
      if (typing && event.key === 'Escape' && !event.altKey && !event.shiftKey) {
        return run(focusReviewList)
      }
      if (typing || event.ctrlKey || event.metaKey) return
      // Keys that only move the focus work from anywhere outside a field.
      if (event.key === '?') return run(a.showShortcuts)
      if (event.key === '/') return run(a.focusSearch)
      if (key === 'l' && !event.altKey) return run(a.focusList)
      if (!inShortcutScope(event.target)) return
      const digit = digitOf(event)
      if (event.altKey) {
        if (digit !== null) return run(() => a.rate(digit === 0 ? 10 : digit))
        if (event.key === 'Backspace' || event.key === 'Delete') return run(() => a.rate(null))
        return
      }
      if (digit !== null && digit >= 1 && !event.shiftKey) return run(() => a.toggleTag(digit))
      if (event.key === 'Enter' && event.target === reviewList()) return run(a.openReader)
      if (key === 'j') return run(() => a.step(1))
      if (key === 'k') return run(() => a.step(-1))
      if (key === 's') return run(a.toggleKeep)
      if (key === 'r') return run(a.reviewedNext)
      if (key === 't') return run(a.focusTagField)
      if (key === 'n') return run(a.focusNote)
      if (key === 'h') return run(a.highlight)
      if (key === 'i') return run(a.toggleInsights)
      if (key === 'q') return run(a.copyQuote)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [enabled])
}
