import { useEffect, useState } from 'react'
import type { Insights } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke } from '../api'
import { useLibraryChanges } from './useLibrary'

/** Figures for `query`, computed in main over all its reviews; read again after any commit. */
export function useInsights(
  query: ReviewQuery,
  onError: (message: string) => void,
): Insights | null {
  const [data, setData] = useState<Insights | null>(null)
  // Ratings, tags and the query's members can all move with any change, so any event counts.
  const [reads, setReads] = useState(0)
  useLibraryChanges(() => setReads((n) => n + 1))
  const key = JSON.stringify(query)
  useEffect(() => {
    let live = true
    invoke('insights:get', { query })
      .then((value) => live && setData(value))
      .catch((error: unknown) => live && onError(errorMessage(error)))
    return () => {
      live = false
    }
    // The serialised key stands for the query object, rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, reads, onError])
  return data
}
