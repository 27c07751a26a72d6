import { useEffect, useRef, type RefObject } from 'react'
import { focusIsLost } from '../focus'

/**
 * Focus rule 1 for a whole pane: its buttons are disabled while a change saves, and a disabled
 * button drops focus to <body>. When the change is done and focus is still lost, it goes back to
 * the element that had it, or, if that one is gone or stays disabled, to `fallback`.
 */
export function useFocusKeeper(
  busy: boolean,
  pane: RefObject<HTMLElement | null>,
  fallback: () => HTMLElement | null,
): void {
  const had = useRef<Element | null>(null)
  const latestFallback = useRef(fallback)
  useEffect(() => {
    latestFallback.current = fallback
  })
  useEffect(() => {
    if (busy) {
      const active = document.activeElement
      had.current = active && pane.current?.contains(active) ? active : null
      return
    }
    const before = had.current
    had.current = null
    if (!before || !focusIsLost()) return
    const usable =
      before instanceof HTMLElement && before.isConnected && !before.hasAttribute('disabled')
    ;(usable ? before : latestFallback.current())?.focus()
  }, [busy, pane])
}
