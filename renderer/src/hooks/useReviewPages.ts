import { useCallback, useEffect, useRef, useState } from 'react'
import type { ReviewRow } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke } from '../api'

export const PAGE_SIZE = 200
// Pages far from the viewport are dropped so a huge library never sits whole in the renderer.
const KEEP_PAGES = 5

interface PagesState {
  total: number | null
  pages: ReadonlyMap<number, ReviewRow[]>
}

export interface ReviewPages {
  /** Rows matching the query, or null before the first page has arrived. */
  total: number | null
  rowAt(index: number): ReviewRow | undefined
  /** Called by the list with the visible index range so the pages under it get fetched. */
  ensureRange(first: number, last: number): void
  /** Where a row sits, if its page is held; -1 otherwise. */
  indexOf(id: string): number
}

/**
 * The list's window onto the query result, fetched PAGE_SIZE rows at a time. A query change
 * starts over; a `version` bump re-reads the pages already held without blanking them.
 */
export function useReviewPages(
  query: ReviewQuery,
  version: number,
  onError: (message: string) => void,
): ReviewPages {
  const [state, setState] = useState<PagesState>({ total: null, pages: new Map() })
  // Each query or refresh is a generation; answers for an older one are dropped on arrival.
  const generation = useRef(0)
  const inflight = useRef(new Set<number>())
  const held = useRef<ReadonlyMap<number, ReviewRow[]>>(state.pages)
  const lastQuery = useRef<string | null>(null)
  const queryKey = JSON.stringify(query)

  const fetchPage = useCallback(
    (page: number, gen: number, pageQuery: ReviewQuery) => {
      inflight.current.add(page)
      invoke('reviews:query', { query: pageQuery, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
        .then((result) => {
          if (gen !== generation.current) return
          inflight.current.delete(page)
          setState((prev) => {
            const pages = new Map(prev.pages)
            pages.set(page, result.rows)
            held.current = pages
            return { total: result.total, pages }
          })
        })
        .catch((error: unknown) => {
          if (gen !== generation.current) return
          inflight.current.delete(page)
          onError(errorMessage(error))
        })
    },
    [onError],
  )

  const queryRef = useRef(query)
  useEffect(() => {
    queryRef.current = query
    const gen = ++generation.current
    inflight.current.clear()
    const sameQuery = lastQuery.current === queryKey
    lastQuery.current = queryKey
    if (sameQuery && held.current.size > 0) {
      for (const page of held.current.keys()) fetchPage(page, gen, query)
      return
    }
    held.current = new Map()
    setState({ total: null, pages: held.current })
    fetchPage(0, gen, query)
    // The serialised key stands for the query object, which is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, version, fetchPage])

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE)
      const to = Math.floor(Math.max(0, last) / PAGE_SIZE)
      for (let page = from; page <= to; page++) {
        if (!held.current.has(page) && !inflight.current.has(page)) {
          fetchPage(page, generation.current, queryRef.current)
        }
      }
      if (held.current.size > KEEP_PAGES) {
        const keep = [...held.current.entries()].filter(([p]) => p >= from - 1 && p <= to + 1)
        held.current = new Map(keep)
        setState((prev) => ({ ...prev, pages: held.current }))
      }
    },
    [fetchPage],
  )

  const rowAt = useCallback(
    (index: number) => state.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [state.pages],
  )

  const indexOf = useCallback(
    (id: string) => {
      for (const [page, rows] of state.pages) {
        const at = rows.findIndex((row) => row.id === id)
        if (at >= 0) return page * PAGE_SIZE + at
      }
      return -1
    },
    [state.pages],
  )

  return { total: state.total, rowAt, ensureRange, indexOf }
}
