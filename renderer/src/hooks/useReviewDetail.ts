import { useEffect, useState } from 'react'
import type { ReviewDetail } from '../../../shared/contract'
import { CuratorRequestError, errorMessage, invoke } from '../api'

/** The full review for the reader; `version` bumps re-read it after curation changes. */
export function useReviewDetail(
  id: string | null,
  version: number,
  onError: (message: string) => void,
): ReviewDetail | null {
  const [detail, setDetail] = useState<ReviewDetail | null>(null)
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
  }, [id, version, onError])
  // A stale detail for another id must never be shown while the new one loads.
  return detail && id !== null && detail.review.id === id ? detail : null
}
