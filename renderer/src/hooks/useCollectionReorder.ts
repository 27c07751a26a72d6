import { useEffect, useRef, type KeyboardEvent, type PointerEvent } from 'react'
import type { CollectionSummary } from '../../../shared/contract'
import { errorMessage } from '../error-text'
import type { ReviewPages } from './useReviewPages'
import { useCuration } from './useCuration'

// Reordering a collection in the list: Alt+↑/↓ moves the current review past its neighbour, and
// a row can be dragged onto another. Both send one `collections:move` (one undo step); the list
// re-reads in the new order from the change event. Pointer events on the list's wrapper rather
// than HTML5 drag-and-drop or a library: the virtualised rows stay untouched, and the keyboard
// path, not the drag, is what makes it accessible.

const DRAG_THRESHOLD = 5

interface Options {
  /** The collection the list shows, when its rows are in the collection's order. */
  collection: CollectionSummary | undefined
  pages: ReviewPages
  selectedId: string | null
  onStatus: (message: string) => void
  onError: (message: string) => void
}

const rowOf = (target: EventTarget | null): HTMLElement | null =>
  target instanceof Element ? target.closest<HTMLElement>('[role="option"][id^="option-"]') : null

const idOf = (row: HTMLElement) => row.id.slice('option-'.length)

export function useCollectionReorder({
  collection,
  pages,
  selectedId,
  onStatus,
  onError,
}: Options) {
  const commands = useCuration()
  const drag = useRef<{ id: string; y: number; moving: boolean; over: HTMLElement | null } | null>(
    null,
  )

  const move = (reviewId: string, targetId: string) => {
    if (!collection || reviewId === targetId) return
    const to = collection.reviewIds.indexOf(targetId)
    if (to < 0) return
    const title = pages.rowAt(pages.indexOf(reviewId))?.title ?? 'the review'
    commands.collections
      .move({ id: collection.id, reviewId, to })
      .then((c) => {
        const place = c.reviewIds.indexOf(reviewId) + 1
        onStatus(`Moved “${title}” to place ${place} of ${c.reviewIds.length} in ${c.name}`)
      })
      .catch((e: unknown) => onError(errorMessage(e)))
  }

  const onKeyDownCapture = (event: KeyboardEvent) => {
    if (!collection || !event.altKey || !selectedId) return
    if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return
    if (!rowOf(event.target) && !(event.target as Element).matches?.('[role="listbox"]')) return
    // Captured before the list sees it: Alt+arrow reorders instead of moving the cursor.
    event.preventDefault()
    event.stopPropagation()
    const index = pages.indexOf(selectedId)
    const neighbour = pages.rowAt(index + (event.key === 'ArrowUp' ? -1 : 1))
    if (index >= 0 && neighbour) move(selectedId, neighbour.id)
  }

  const clearMark = () => {
    const over = drag.current?.over
    if (over) delete over.dataset.drop
  }

  const onPointerDown = (event: PointerEvent) => {
    if (!collection || event.button !== 0) return
    const row = rowOf(event.target)
    if (row) drag.current = { id: idOf(row), y: event.clientY, moving: false, over: null }
  }

  // The window listeners live as long as the list; they call the newest move.
  const moveRef = useRef(move)
  useEffect(() => {
    moveRef.current = move
  })
  useEffect(() => {
    const onMove = (event: globalThis.PointerEvent) => {
      const d = drag.current
      if (!d) return
      if (!d.moving && Math.abs(event.clientY - d.y) < DRAG_THRESHOLD) return
      d.moving = true
      const row = rowOf(document.elementFromPoint(event.clientX, event.clientY))
      if (row === d.over) return
      clearMark()
      d.over = row && idOf(row) !== d.id ? row : null
      // The mark shows where the row will land: above the target going up, below going down.
      if (d.over) d.over.dataset.drop = event.clientY < d.y ? 'above' : 'below'
    }
    const onUp = () => {
      const d = drag.current
      if (!d) return
      clearMark()
      drag.current = null
      if (d.moving && d.over) moveRef.current(d.id, idOf(d.over))
    }
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    return () => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
    }
  }, [])
  return { onKeyDownCapture, onPointerDown }
}
