import { startTransition, useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react'
import type { QueryPage, ReviewRow } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke } from '../api'
import type { Anticipation } from '../data/anticipate'
import {
  dependsOnCuration,
  patchSpan,
  replaceRows,
  spansHolding,
  type RowSpan,
} from '../data/row-patch'
import { searchTerms } from '../search-marks'
import { useLibraryChanges } from './useLibrary'

// A page a little larger than the list's window (visible rows plus overscan), so one answer
// usually fills it: larger pages cost main and the renderer more per answer while scrolling fast.
export const PAGE_SIZE = 50
// While the list scrolls fast most answers arrive after their rows have gone by; a couple of
// requests at a time, each for where the list is *now*, keeps main from queueing stale work.
const MAX_INFLIGHT = 2

export interface ReviewPages {
  /**
   * Rows matching the query, or null before the first page has arrived. React state, set in a
   * transition: the app around the list may show it a frame after the list shows the rows.
   */
  total: number | null
  /** The total of the rows held now (what the list shows), read with revision(). */
  count(): number | null
  /**
   * The query of the rows held now, serialised: a new query's rows replace the old ones only when
   * its first page arrives, and the list's scroll and search marks follow the rows, not the query.
   */
  shownKey(): string
  shownQuery(): ReviewQuery
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
  /**
   * Shows an edit of `targets` (ids, or 'all' the query's reviews) on the rows held at once,
   * before main has committed it; call the returned function with whether main did (a refused
   * edit re-reads the rows).
   */
  anticipate(targets: readonly string[] | 'all', how: Anticipation): (committed: boolean) => void
  /**
   * Asks main now for the first page of a query the list is about to show (the search box's
   * text, shortly before its typing pause ends): when that query comes, its rows are already on
   * their way or here, and are shown then, not before. Dropped if the library changes meanwhile.
   */
  prefetch(query: ReviewQuery): void
}

interface Cache {
  /** Each query or refresh is a generation; answers for an older one are dropped on arrival. */
  generation: number
  pages: Map<number, ReviewRow[]>
  /**
   * The one request per page whose answer is awaited (a whole page or a span of its rows); a
   * newer request for the page replaces it, and the older answer is dropped on arrival.
   */
  inflight: Map<number, number>
  /** Numbers requests, for `inflight`. */
  asked: number
  /** The total the last answer gave. */
  total: number | null
  /**
   * A new query's first page is on its way: the previous query's rows stay on screen until it
   * arrives (the list never goes blank while typing), and no other page is fetched meanwhile.
   */
  replacing: boolean
  /** The pages under the list's window, as last reported by ensureRange. */
  wanted: { from: number; to: number }
  revision: number
  listeners: Set<() => void>
  /** Per review, edits shown ahead of main that main has not answered yet. */
  anticipated: Map<string, number>
  /** The query of the rows held, and its serialised key. */
  shown: ReviewQuery
  shownKey: string
  /** Counts library changes, so a first page asked ahead before one is not shown after it. */
  epoch: number
  /** The first page asked ahead for a query not shown yet (see ReviewPages.prefetch). */
  early: { key: string; epoch: number; answer: Promise<QueryPage> } | null
}

const newCache = (): Cache => ({
  generation: 0,
  pages: new Map(),
  inflight: new Map(),
  asked: 0,
  total: null,
  replacing: false,
  wanted: { from: 0, to: 0 },
  revision: 0,
  listeners: new Set(),
  anticipated: new Map(),
  shown: {},
  shownKey: '',
  epoch: 0,
  early: null,
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
 * A query change shows the previous rows until its first page arrives. `library:changed` never blanks the list: new or removed reviews
 * re-read the pages held, a curation change re-reads just the rows it names, in place.
 */
export function useReviewPages(
  query: ReviewQuery,
  onError: (message: string) => void,
): ReviewPages {
  const [total, setTotal] = useState<number | null>(null)
  const cache = useRef<Cache>(newCache()).current
  const queryRef = useRef(query)
  const queryKey = JSON.stringify(query)
  const queryKeyRef = useRef(queryKey)

  const onErrorRef = useRef(onError)
  onErrorRef.current = onError

  // One fetcher for the hook's lifetime: it reads the query and error handler through refs.
  const { fetchPage, pump, refreshHeld, patchRows, anticipate } = useMemo(() => {
    /** Sends a request for `page`; `land` gets its answer unless a newer one was asked since. */
    const ask = (
      page: number,
      offset: number,
      limit: number,
      land: (r: QueryPage) => void,
      early?: Promise<QueryPage>,
    ) => {
      const gen = cache.generation
      const stamp = ++cache.asked
      cache.inflight.set(page, stamp)
      ;(early ?? invoke('reviews:query', { query: queryRef.current, offset, limit }))
        .then((result) => {
          if (gen !== cache.generation || cache.inflight.get(page) !== stamp) return
          cache.inflight.delete(page)
          land(result)
        })
        .catch((error: unknown) => {
          if (gen !== cache.generation || cache.inflight.get(page) !== stamp) return
          cache.inflight.delete(page)
          onErrorRef.current(errorMessage(error))
        })
    }
    const setCount = (count: number) => {
      cache.total = count
      // The list reads cache.total with its rows; the rest of the app (selection, select all)
      // can re-render after the rows are on screen.
      startTransition(() => setTotal(count))
    }
    const fetchPage = (page: number, early?: Promise<QueryPage>) =>
      ask(
        page,
        page * PAGE_SIZE,
        PAGE_SIZE,
        (result) => {
          const first = cache.replacing
          if (first) {
            cache.replacing = false
            cache.pages = new Map()
          }
          // Rows, scroll and marks change together, when rows of this query are there to show.
          cache.shown = queryRef.current
          cache.shownKey = queryKeyRef.current
          setCount(result.total)
          // An answer for rows the list has already left would only cost a render.
          if (first || near(cache, page)) {
            cache.pages.set(page, result.rows)
            changed(cache)
          }
          pump()
        },
        early,
      )
    /** Requests the missing pages of the window, nearest the top first, a few at a time. */
    const pump = () => {
      if (cache.replacing) return
      const { from, to } = cache.wanted
      for (let page = from; page <= to && cache.inflight.size < MAX_INFLIGHT; page++) {
        if (!cache.pages.has(page) && !cache.inflight.has(page)) fetchPage(page)
      }
    }
    /** Re-reads every page held; the old rows stay on screen until their page is answered. */
    const refreshHeld = () => {
      cache.generation++
      cache.inflight.clear()
      // A new query is on its way: its first page, asked again, is all there is to re-read.
      if (cache.replacing) return fetchPage(0)
      for (const page of cache.pages.keys()) fetchPage(page)
      // Requests dropped with the old generation may have been for pages not held yet.
      pump()
    }
    const patchSpanOf = (span: RowSpan) => {
      // A page already awaited would land without this change or overwrite the patch: ask again.
      if (cache.inflight.has(span.page)) return fetchPage(span.page)
      const offset = span.page * PAGE_SIZE + span.first
      ask(span.page, offset, span.last - span.first + 1, (result) => {
        const rows = cache.pages.get(span.page)
        if (!rows) return
        const next = result.total === cache.total ? patchSpan(rows, span, result.rows) : null
        if (!next) return refreshHeld()
        cache.pages.set(span.page, next)
        changed(cache)
        // The patch held a request slot the window may have wanted meanwhile.
        pump()
      })
    }
    const patchRows = (ids: readonly string[], rows: readonly ReviewRow[] | undefined) => {
      if (cache.replacing) return
      if (dependsOnCuration(queryRef.current)) return refreshHeld()
      if (!rows || rows.length !== ids.length) {
        for (const span of spansHolding(cache.pages, ids)) patchSpanOf(span)
        return
      }
      // The event brought the rows: patched here, with no request. A row with a later edit
      // still shown ahead of main keeps that edit; its own event follows.
      const fresh = new Map(
        rows.filter((r) => (cache.anticipated.get(r.id) ?? 0) <= 1).map((r) => [r.id, r]),
      )
      let patched = false
      for (const [page, held] of cache.pages) {
        const next = replaceRows(held, fresh)
        if (!next) continue
        // An answer on its way was read before this commit and would undo the patch: ask again.
        if (cache.inflight.has(page)) fetchPage(page)
        cache.pages.set(page, next)
        patched = true
      }
      if (patched) changed(cache)
    }
    const anticipate = (targets: readonly string[] | 'all', how: Anticipation) => {
      const wanted = targets === 'all' ? null : new Set(targets)
      const held: ReviewRow[] = []
      for (const rows of cache.pages.values())
        for (const row of rows) if (!wanted || wanted.has(row.id)) held.push(row)
      const allHeld = held.length === (wanted ? wanted.size : cache.total)
      const update = cache.replacing || held.length === 0 ? null : how(held, allHeld)
      if (!update) return () => undefined
      const ids = held.map((row) => row.id)
      for (const id of ids) cache.anticipated.set(id, (cache.anticipated.get(id) ?? 0) + 1)
      const fresh = new Map(held.map((row) => [row.id, update(row)]))
      for (const [page, rows] of cache.pages) {
        const next = replaceRows(rows, fresh)
        if (next) cache.pages.set(page, next)
      }
      changed(cache)
      return (committed: boolean) => {
        for (const id of ids) {
          const left = (cache.anticipated.get(id) ?? 1) - 1
          if (left > 0) cache.anticipated.set(id, left)
          else cache.anticipated.delete(id)
        }
        // What the list shows is not what main holds: read it again.
        if (!committed) refreshHeld()
      }
    }
    return { fetchPage, pump, refreshHeld, patchRows, anticipate }
  }, [cache])

  // Before paint, not after it: the request leaves while the browser draws the new controls.
  useLayoutEffect(() => {
    queryRef.current = query
    queryKeyRef.current = queryKey
    cache.generation++
    cache.inflight.clear()
    // Answers for the superseded query are dropped on arrival (their generation is over). The
    // previous rows stay on screen until the new first page replaces them.
    if (cache.pages.size > 0) cache.replacing = true
    else {
      cache.wanted = { from: 0, to: 0 }
      cache.total = null
      setTotal(null)
    }
    // The first page may have been asked ahead, for this query and the library as it is now.
    const early = cache.early
    cache.early = null
    fetchPage(0, early?.key === queryKey && early.epoch === cache.epoch ? early.answer : undefined)
    // The serialised key stands for the query object, which is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queryKey, fetchPage])

  useLibraryChanges((change) => {
    cache.epoch++
    // Collections live in library.json: a meta change can reorder or refill a collection's list.
    const q = queryRef.current
    const followsMeta = q.collection !== undefined || /collection:/i.test(q.q ?? '')
    // Rows answered from the search index before a staged open had read the text came without
    // snippets: re-read once, now that there is text to quote.
    const snippets =
      change.textLoaded === true && [q.q, q.text].some((s) => searchTerms(s).length > 0)
    // Too many changed to name (select all + tag): the few pages held are re-read, once.
    if (change.reviews || (change.meta && followsMeta) || change.manyCurations || snippets)
      refreshHeld()
    else if (change.curationIds.length > 0) patchRows(change.curationIds, change.rows)
  })

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
  const prefetch = useCallback(
    (query: ReviewQuery) => {
      const key = JSON.stringify(query)
      if (key === queryKeyRef.current) return
      if (cache.early?.key === key && cache.early.epoch === cache.epoch) return
      const answer = invoke('reviews:query', { query, offset: 0, limit: PAGE_SIZE })
      // A refusal is reported by the list if this query is shown (fetchPage takes the answer);
      // an answer nobody takes must not be an unhandled rejection.
      answer.catch(() => undefined)
      cache.early = { key, epoch: cache.epoch, answer }
    },
    [cache],
  )
  const revision = useCallback(() => cache.revision, [cache])
  const count = useCallback(() => cache.total, [cache])
  const shownKey = useCallback(() => cache.shownKey, [cache])
  const shownQuery = useCallback(() => cache.shown, [cache])

  return useMemo(
    () => ({
      total,
      count,
      shownKey,
      shownQuery,
      rowAt,
      ensureRange,
      indexOf,
      subscribe,
      revision,
      anticipate,
      prefetch,
    }),
    [
      total,
      count,
      shownKey,
      shownQuery,
      rowAt,
      ensureRange,
      indexOf,
      subscribe,
      revision,
      anticipate,
      prefetch,
    ],
  )
}
