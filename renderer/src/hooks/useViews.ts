import { useEffect, useState } from 'react'
import type { SavedViewSummary } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'

/** Saved views with their live counts, re-read on every library change. */
export function useViews(version: number, onError: (message: string) => void): SavedViewSummary[] {
  const [views, setViews] = useState<SavedViewSummary[]>([])
  useEffect(() => {
    let live = true
    invoke('views:list', {})
      .then((value) => live && setViews(value))
      .catch((error: unknown) => live && onError(errorMessage(error)))
    return () => {
      live = false
    }
  }, [version, onError])
  return views
}
