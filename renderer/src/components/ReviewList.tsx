import { useCallback, useEffect, useRef, type KeyboardEvent } from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ReviewRow } from '../../../shared/contract'
import type { ReviewPages } from '../hooks/useReviewPages'
import { plural } from '../format'
import { ReviewListRow } from './ReviewListRow'

const ROW_HEIGHT = 58
const PAGE_STEP = 10

interface Props {
  pages: ReviewPages
  selectedId: string | null
  onSelect: (id: string) => void
}

export function ReviewList({ pages, selectedId, onSelect }: Props) {
  const scroller = useRef<HTMLDivElement>(null)
  // Keyboard moves may land on a row whose page is not here yet; it is selected on arrival.
  const pending = useRef<number | null>(null)
  const lastIndex = useRef(-1)
  const count = pages.total ?? 0
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensureRange, rowAt, indexOf } = pages

  useEffect(() => {
    if (count > 0) ensureRange(first, last)
  }, [first, last, count, ensureRange])

  useEffect(() => {
    if (pending.current === null) return
    const row = rowAt(pending.current)
    if (row) {
      pending.current = null
      onSelect(row.id)
    }
  }, [rowAt, onSelect])

  const selectedIndex = selectedId ? indexOf(selectedId) : -1
  if (selectedIndex >= 0) lastIndex.current = selectedIndex

  const moveTo = (index: number) => {
    lastIndex.current = index
    virtualizer.scrollToIndex(index, { align: 'auto' })
    const row = rowAt(index)
    if (row) onSelect(row.id)
    else pending.current = index
  }

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return
    const current = selectedIndex >= 0 ? selectedIndex : lastIndex.current
    const targets: Record<string, number> = {
      ArrowDown: current + 1,
      ArrowUp: current < 0 ? 0 : current - 1,
      Home: 0,
      End: count - 1,
      PageDown: current + PAGE_STEP,
      PageUp: current - PAGE_STEP,
    }
    const target = targets[event.key]
    if (target === undefined) return
    event.preventDefault()
    moveTo(Math.min(count - 1, Math.max(0, target)))
  }

  const onPick = useCallback(
    (index: number, row: ReviewRow) => {
      lastIndex.current = index
      onSelect(row.id)
    },
    [onSelect],
  )

  const activeRendered =
    selectedId !== null && items.some((item) => rowAt(item.index)?.id === selectedId)

  return (
    <div className="list-pane">
      <div className="list-head">
        <p id="review-count" className="count" aria-live="polite">
          {pages.total === null ? 'Loading…' : plural(pages.total, 'review')}
        </p>
      </div>
      <div className="list-columns" aria-hidden="true">
        <span>Rating</span>
        <span>Mine</span>
        <span>Review</span>
        <span>Helpful</span>
        <span />
      </div>
      <div
        ref={scroller}
        className="review-list"
        role="listbox"
        aria-label="Reviews"
        tabIndex={0}
        aria-activedescendant={activeRendered ? `option-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index)
            return (
              <ReviewListRow
                key={row?.id ?? `loading-${item.index}`}
                row={row}
                index={item.index}
                selected={row !== undefined && row.id === selectedId}
                top={item.start}
                height={item.size}
                onPick={onPick}
              />
            )
          })}
        </div>
      </div>
      {pages.total === 0 && <p className="list-empty">No reviews match these filters.</p>}
    </div>
  )
}
