import { useCallback } from 'react'
import { errorMessage, invoke } from '../api'

/**
 * Copies a review's highlight (the one focused in the reader, else its first) with its
 * attribution, through main's clipboard, and reports the outcome. It changes nothing, so it does
 * not go through the busy runner: no control is disabled and the focus stays where it was.
 */
export function useCopyQuote(
  onStatus: (message: string) => void,
  onError: (message: string) => void,
): (id: string | null) => void {
  return useCallback(
    (id) => {
      if (!id) return onStatus('Select a review first')
      const focused = document.activeElement?.closest<HTMLElement>('[data-highlight-id]')
      const highlightId = focused?.dataset.highlightId
      invoke('export:copy-quote', { id, highlightId }).then(
        () => onStatus('Copied quote'),
        (e: unknown) => onError(errorMessage(e)),
      )
    },
    [onStatus, onError],
  )
}
