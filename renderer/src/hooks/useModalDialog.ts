import { useEffect, useId, useRef } from 'react'

/**
 * Opens a <dialog> as modal on mount (showModal gives the focus trap, the inert background and
 * Escape), focuses what `initialFocus` picks inside it, and on unmount closes it and returns focus
 * to where it was.
 */
export function useModalDialog(initialFocus: (dialog: HTMLDialogElement) => HTMLElement | null) {
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
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [])
  return { ref, headingId }
}
