import { useCallback, useMemo, useState } from 'react'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke } from '../api'

const CHUNK = 1000

interface State {
  ids: ReadonlySet<string>
  /** "Select all matching": every review of the query, resolved by main when acted on. */
  all: boolean
  /** Where Shift ranges start. */
  anchor: number
}

export interface Selection {
  ids: ReadonlySet<string>
  all: boolean
  /** How many reviews the selection holds (all matching counts the query's total). */
  count: number
  has(id: string): boolean
  /** Plain click or arrow key: only this review. */
  only(index: number, id: string): void
  /** Ctrl/Cmd+click, Ctrl/Cmd+Space: add or remove one review. */
  toggle(index: number, id: string): void
  /** Shift+click, Shift+arrow: from the anchor to here. */
  extendTo(index: number): void
  selectAll(): void
  clear(): void
  /** What a bulk request applies to; the current review when nothing is selected. */
  target(current: string | null): { ids: string[] } | { query: ReviewQuery } | null
}

/** Multi-select over a query result too large to hold: ids for hand-picked rows, a flag for all. */
export function useSelection(
  query: ReviewQuery,
  total: number,
  onError: (message: string) => void,
): Selection {
  const [state, setState] = useState<State>({ ids: new Set(), all: false, anchor: -1 })
  const queryKey = JSON.stringify(query)
  // A new query starts with nothing selected. Reset while rendering, not in an effect: an effect
  // would render the whole workspace a second time, just as the new query's rows are due.
  const [selectedFor, setSelectedFor] = useState(queryKey)
  if (selectedFor !== queryKey) {
    setSelectedFor(queryKey)
    setState({ ids: new Set(), all: false, anchor: -1 })
  }

  const only = useCallback((index: number, id: string) => {
    setState({ ids: new Set([id]), all: false, anchor: index })
  }, [])

  const toggle = useCallback((index: number, id: string) => {
    setState((prev) => {
      const ids = new Set(prev.all ? [] : prev.ids)
      if (ids.has(id)) ids.delete(id)
      else ids.add(id)
      return { ids, all: false, anchor: index }
    })
  }, [])

  const extendTo = useCallback(
    (index: number) => {
      const from = Math.min(state.anchor < 0 ? index : state.anchor, index)
      const to = Math.max(state.anchor, index)
      const anchor = state.anchor < 0 ? index : state.anchor
      // Rows between may sit in pages the list dropped, so main lists the range's ids.
      const fetches: Promise<string[]>[] = []
      for (let offset = from; offset <= to; offset += CHUNK) {
        const limit = Math.min(CHUNK, to - offset + 1)
        fetches.push(
          invoke('reviews:query', { query, offset, limit }).then((page) =>
            page.rows.map((r) => r.id),
          ),
        )
      }
      Promise.all(fetches)
        .then((chunks) => setState({ ids: new Set(chunks.flat()), all: false, anchor }))
        .catch((error: unknown) => onError(errorMessage(error)))
    },
    [state.anchor, query, onError],
  )

  return useMemo<Selection>(
    () => ({
      ids: state.ids,
      all: state.all,
      count: state.all ? total : state.ids.size,
      has: (id) => state.all || state.ids.has(id),
      only,
      toggle,
      extendTo,
      selectAll: () => setState((prev) => ({ ...prev, all: true })),
      clear: () => setState({ ids: new Set(), all: false, anchor: -1 }),
      target: (current) => {
        if (state.all) return { query }
        // One picked review or none: the reader's review is what the user is looking at.
        if (state.ids.size > 1) return { ids: [...state.ids] }
        if (current) return { ids: [current] }
        return state.ids.size === 1 ? { ids: [...state.ids] } : null
      },
    }),
    [state, total, only, toggle, extendTo, query],
  )
}
