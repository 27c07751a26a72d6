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
  // The last element in the pane that had focus, kept while focus goes nowhere. Some Chromium
  // builds blur a button the moment it is disabled, inside React's commit, so by the time the
  // busy effect runs focus is already on <body> and only this remembers where it was.
  const last = useRef<Element | null>(null)
  const latestFallback = useRef(fallback)
  useEffect(() => {
    latestFallback.current = fallback
  })
  useEffect(() => {
    const element = pane.current
    if (!element) return
    const onFocusIn = (event: FocusEvent) => {
      last.current = event.target instanceof Element ? event.target : null
    }
    // Focus moving to another element (in the pane or not) forgets it; focus going nowhere does
    // not, since that is what a disabled button does.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget !== null) last.current = null
    }
    element.addEventListener('focusin', onFocusIn)
    element.addEventListener('focusout', onFocusOut)
    return () => {
      element.removeEventListener('focusin', onFocusIn)
      element.removeEventListener('focusout', onFocusOut)
    }
  }, [pane])
  useEffect(() => {
    const inPane = (element: Element | null) =>
      element !== null && pane.current?.contains(element) === true
    if (busy) {
      const active = document.activeElement
      if (inPane(active)) had.current = active
      else had.current = focusIsLost() && inPane(last.current) ? last.current : null
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
