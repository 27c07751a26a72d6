import { useEffect, useState } from 'react'
import type { ReviewDetail } from '../../../shared/contract'
import { CuratorRequestError, errorMessage, invoke } from '../api'
import { useLibraryChanges } from './useLibrary'

/**
 * The full review for the reader, read again when `library:changed` names it (or reviews came
 * or went); the detail on screen stays until the new one arrives.
 */
export function useReviewDetail(
  id: string | null,
  onError: (message: string) => void,
): ReviewDetail | null {
  const [detail, setDetail] = useState<ReviewDetail | null>(null)
  const [reads, setReads] = useState(0)
  useLibraryChanges((change) => {
    const named = change.manyCurations !== undefined || change.curationIds.includes(id ?? '')
    if (id !== null && (change.reviews || named)) setReads((n) => n + 1)
  })
  useEffect(() => {
    if (id === null) return
    let live = true
    invoke('reviews:get', { id })
      .then((value) => {
        if (live) setDetail(value)
      })
      .catch((error: unknown) => {
        if (!live) return
        setDetail(null)
        // A review that vanished (re-import under another identity) is not worth an alert.
        if (!(error instanceof CuratorRequestError && error.code === 'not-found')) {
          onError(errorMessage(error))
        }
      })
    return () => {
      live = false
    }
  }, [id, reads, onError])
  // A stale detail for another id must never be shown while the new one loads.
  return detail && id !== null && detail.review.id === id ? detail : null
}
