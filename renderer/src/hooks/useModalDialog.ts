import { useEffect, useId, useRef } from 'react'
import { focusIsLost, focusReviewList, restoreFocus } from '../focus'

/**
 * Opens a <dialog> as modal on mount (showModal gives the focus trap, the inert background and
 * Escape), focuses what `initialFocus` picks inside it, and on unmount closes it and returns focus
 * to where it was (or, with `toList`, to the review list), by the focus rules in focus.ts.
 */
export function useModalDialog(
  initialFocus: (dialog: HTMLDialogElement) => HTMLElement | null,
  { toList = false }: { toList?: boolean } = {},
) {
  const ref = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  // Read once at open: the dialog must not re-grab focus when its props change.
  const pickFocus = useRef(initialFocus)
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const previous = document.activeElement
    if (!element.open) element.showModal()
    pickFocus.current(element)?.focus()
    return () => {
      if (element.open) element.close()
      if (toList) focusReviewList()
      if (!toList || focusIsLost()) restoreFocus(previous)
    }
    // The opener is read once, at open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])
  return { ref, headingId }
}
