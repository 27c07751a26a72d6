import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ReviewRow } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke } from '../api'

// A page a little larger than the list's window (visible rows plus overscan), so one answer
// usually fills it: larger pages cost main and the renderer more per answer while scrolling fast.
export const PAGE_SIZE = 50
// While the list scrolls fast most answers arrive after their rows have gone by; a couple of
// requests at a time, each for where the list is *now*, keeps main from queueing stale work.
const MAX_INFLIGHT = 2

export interface ReviewPages {
  /** Rows matching the query, or null before the first page has arrived. */
  total: number | null
  rowAt(index: number): ReviewRow | undefined
  /** Called by the list with the visible index range so the pages under it get fetched. */
  ensureRange(first: number, last: number): void
  /** Where a row sits, if its page is held; -1 otherwise. */
  indexOf(id: string): number
  /**
   * Page arrivals are announced here rather than through React state, so they re-render only
   * the list that subscribes (useSyncExternalStore), not the whole app.
   */
  subscribe(listener: () => void): () => void
  /** Changes whenever rowAt/indexOf would answer differently. */
  revision(): number
}

interface Cache {
  /** Each query or refresh is a generation; answers for an older one are dropped on arrival. */
  generation: number
  pages: Map<number, ReviewRow[]>
  /**
   * A new query's first page is on its way: the previous query's rows stay on screen until it
   * arrives (the list never goes blank while typing), and no other page is fetched meanwhile.
   */
  replacing: boolean
  inflight: Set<number>
  /** The pages under the list's window, as last reported by ensureRange. */
  wanted: { from: number; to: number }
  revision: number
  listeners: Set<() => void>
}

const newCache = (): Cache => ({
  generation: 0,
  pages: new Map(),
  replacing: false,
  inflight: new Set(),
  wanted: { from: 0, to: 0 },
  revision: 0,
  listeners: new Set(),
})

const near = (cache: Cache, page: number) =>
  page >= cache.wanted.from - 1 && page <= cache.wanted.to + 1

function changed(cache: Cache): void {
  cache.revision++
  for (const listener of cache.listeners) listener()
}

/**
 * The list's window onto the query result, fetched PAGE_SIZE rows at a time and only around the
 * window (pages far from it are dropped so a huge library never sits whole in the renderer).
 * A query change starts over, showing the previous rows until its first page arrives; a `version`
 * bump re-reads the pages already held without blanking.
 */
export function useReviewPages(
  query: ReviewQuery,
  version: number,
  onError: (message: string) => void,
): ReviewPages {
  const [total, setTotal] = useState<number | null>(null)
  const cache = useRef<Cache>(newCache()).current
  const queryRef = useRef(query)
  const lastQuery = useRef<string | null>(null)
  const queryKey = JSON.stringify(query)

  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  // One fetcher for the hook's lifetime: it reads the query and error handler through refs.
  const { fetchPage, pump } = useMemo(() => {
    const fetchPage = (page: number) => {
      const gen = cache.generation
      cache.inflight.add(page)
      const request = { query: queryRef.current, offset: page * PAGE_SIZE, limit: PAGE_SIZE }
      invoke('reviews:query', request)
        .then((result) => {
          if (gen !== cache.generation) return
          cache.inflight.delete(page)
          const first = cache.replacing
          if (first) {
            cache.replacing = false
            cache.pages = new Map()
          }
          setTotal(result.total)
          // An answer for rows the list has already left would only cost a render.
          if (first || near(cache, page)) {
            cache.pages.set(page, result.rows)
            changed(cache)
          }
          pump()
        })
        .catch((error: unknown) => {
          if (gen !== cache.generation) return
          cache.inflight.delete(page)
          onErrorRef.current(errorMessage(error))
        })
    }
    /** Requests the missing pages of the window, nearest the top first, a few at a time. */
    const pump = () => {
      if (cache.replacing) return
      const { from, to } = cache.wanted
      for (let page = from; page <= to && cache.inflight.size < MAX_INFLIGHT; page++) {
        if (!cache.pages.has(page) && !cache.inflight.has(page)) fetchPage(page)
      }
    }
    return { fetchPage, pump }
  }, [cache])

  useEffect(() => {
    queryRef.current = query
    cache.generation++
    cache.inflight.clear()
    const sameQuery = lastQuery.current === queryKey
    lastQuery.current = queryKey
    if (sameQuery && cache.pages.size > 0) {
      for (const page of cache.pages.keys()) fetchPage(page)
      // Requests dropped with the old generation may have been for pages not held yet.
      pump()
      return
    }
    // Answers for the superseded query are dropped on arrival (their generation is over). The
    // window stays where the list is: once page 0 is in, the pages under it follow.
    if (cache.pages.size > 0) cache.replacing = true
    else {
      cache.wanted = { from: 0, to: 0 }
      setTotal(null)
    }
    fetchPage(0)
    // The serialised key stands for the query object, which is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, version, fetchPage, pump])

  const ensureRange = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE)
      const to = Math.floor(Math.max(0, last) / PAGE_SIZE)
      cache.wanted = { from, to }
      // Dropped pages lie outside the rendered window, so nothing needs re-rendering for them.
      for (const page of cache.pages.keys()) if (!near(cache, page)) cache.pages.delete(page)
      pump()
    },
    [cache, pump],
  )

  const rowAt = useCallback(
    (index: number) => cache.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    [cache],
  )

  const indexOf = useCallback(
    (id: string) => {
      for (const [page, rows] of cache.pages) {
        const at = rows.findIndex((row) => row.id === id)
        if (at >= 0) return page * PAGE_SIZE + at
      }
      return -1
    },
    [cache],
  )

  const subscribe = useCallback(
    (listener: () => void) => {
      cache.listeners.add(listener)
      return () => void cache.listeners.delete(listener)
    },
    [cache],
  )
  const revision = useCallback(() => cache.revision, [cache])

  return useMemo(
    () => ({ total, rowAt, ensureRange, indexOf, subscribe, revision }),
    [total, rowAt, ensureRange, indexOf, subscribe, revision],
  )
}
