import { useEffect, useRef } from 'react'
import { hasMod, isTyping } from '../keys'

const WORK_AREA = '[role="listbox"][aria-label="Reviews"], section.reader'

/**
 * C: add the current review or the selection to a collection. Kept apart from useShortcuts so
 * the collection feature stays one unit; it follows the same rules (never while typing, never
 * under a dialog, no modifiers), and fires only with the focus in the list or the reader.
 */
export function useCollectionKey(open: () => void): void {
  const latest = useRef(open)
  useEffect(() => {
    latest.current = open
  })
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.key.toLowerCase() !== 'c') return
      if (hasMod(event) || event.altKey || event.ctrlKey || event.metaKey) return
      if (isTyping(event.target) || document.querySelector('dialog[open]')) return
      // Only where the user is working on reviews: a C on a sidebar button must not open it.
      if (!(event.target instanceof Element) || !event.target.closest(WORK_AREA)) return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
