import { useEffect, useRef } from 'react'
import { hasMod, isTyping } from '../keys'

/**
 * C: add the current review or the selection to a collection. Kept apart from useShortcuts so
 * the collection feature stays one unit; it follows the same rules (never while typing, never
 * under a dialog, no modifiers).
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
      event.preventDefault()
      latest.current()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])
}
