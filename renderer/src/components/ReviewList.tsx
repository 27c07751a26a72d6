import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type CSSProperties,
  type KeyboardEvent,
  type MutableRefObject,
  type ReactNode,
} from 'react'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { ReviewRow } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import type { ReviewPages } from '../hooks/useReviewPages'
import type { Selection } from '../hooks/useSelection'
import { plural } from '../format'
import { hasMod } from '../keys'
import { searchTerms } from '../search-marks'
import { gridTemplate, shownColumns, type ColumnLayout } from '../list-columns'
import { ColumnChooser } from './ColumnChooser'
import { ListHeader } from './ListHeader'
import { ReviewListRow, type PickModifiers } from './ReviewListRow'

// Fixed row heights: the virtualiser never measures rows, so scrolling causes no layout reads.
const ROW_HEIGHT = 58
/** Under a text search every row has room for its snippet line, matched in the body or not. */
const SNIPPET_ROW_HEIGHT = 78
const PAGE_STEP = 10
// Room under the last row while the bulk bar floats over the list's foot (see panes.css).
const BULK_SPACE = 160
// Rows rendered beyond each edge of the viewport: enough that short lists are whole in the DOM
// (find-in-page, screen readers' option counts), few enough to stay cheap per frame.
const OVERSCAN = 12

interface Props {
  pages: ReviewPages
  selectedId: string | null
  selection: Selection
  tagColors: ReadonlyMap<string, string>
  onSelect: (id: string) => void
  /** Extra controls for the list head (insights toggle). */
  head?: ReactNode
  columns: ColumnLayout
  onColumns: (columns: ColumnLayout) => void
  /** The list's sort, which the column headers show and set. */
  sort: ReviewQuery['sort']
  onSort: (sort: NonNullable<ReviewQuery['sort']>) => void
  /** Filled with the list's moves, for the keys that act from the reader too (j, k, r). */
  nav?: MutableRefObject<ListNav | null>
}

export interface ListNav {
  /** Moves the current review `by` rows; false at either end of the list. */
  step: (by: number) => boolean
}

/**
 * The virtualised list. The current review (the one the reader shows) moves with the arrows;
 * the selection, which bulk actions apply to, follows it unless Shift or Ctrl/Cmd says otherwise.
 */
export function ReviewList(props: Props) {
  const { pages, selectedId, selection, tagColors, onSelect, head, columns, nav } = props
  const shown = useMemo(() => shownColumns(columns), [columns])
  // While a column handle is dragged the rows follow it; the width is remembered when it ends.
  const [draftTemplate, setDraftTemplate] = useState<string | null>(null)
  const scroller = useRef<HTMLDivElement>(null)
  // Keyboard moves may land on a row whose page is not here yet; it is selected on arrival.
  const pending = useRef<{ index: number; extend: boolean } | null>(null)
  const lastIndex = useRef(-1)
  // Re-render when a page arrives; what follows reads the pages held now, and the rows' query
  // (not the one just asked for) gives the count, the marks and when to start at the top.
  const revision = useSyncExternalStore(pages.subscribe, pages.revision)
  const total = pages.count()
  const count = total ?? 0
  const resetKey = pages.shownKey()
  const shownQ = pages.shownQuery().q
  const terms = useMemo(() => searchTerms(shownQ), [shownQ])
  const many = selection.all || selection.ids.size > 1
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => (terms.length > 0 ? SNIPPET_ROW_HEIGHT : ROW_HEIGHT),
    overscan: OVERSCAN,
    paddingEnd: many ? BULK_SPACE : 0,
    scrollPaddingEnd: many ? BULK_SPACE : 0,
  })
  const items = virtualizer.getVirtualItems()
  const first = items[0]?.index ?? 0
  const last = items[items.length - 1]?.index ?? 0
  const { ensureRange, rowAt, indexOf } = pages

  // A new query starts at the top with fresh row sizes. The list is not remounted for it, so
  // the keyboard focus it holds (e.g. after Esc from the search box) stays on it.
  const shownKey = useRef(resetKey)
  useLayoutEffect(() => {
    if (shownKey.current === resetKey) return
    shownKey.current = resetKey
    pending.current = null
    lastIndex.current = -1
    virtualizer.measure()
    // Scrolling asks the layout for its height (a forced layout): not when already at the top.
    if (virtualizer.scrollOffset !== 0) virtualizer.scrollToOffset(0)
  }, [resetKey, virtualizer])

  useEffect(() => {
    if (count > 0) ensureRange(first, last)
  }, [first, last, count, ensureRange])

  const land = useCallback(
    (index: number, row: ReviewRow, extend: boolean) => {
      if (extend) selection.extendTo(index)
      else selection.only(index, row.id)
      onSelect(row.id)
    },
    [selection, onSelect],
  )

  useEffect(() => {
    if (pending.current === null) return
    const row = rowAt(pending.current.index)
    if (row) {
      const { index, extend } = pending.current
      pending.current = null
      land(index, row, extend)
    }
  }, [revision, rowAt, land])

  const selectedIndex = selectedId ? indexOf(selectedId) : -1
  if (selectedIndex >= 0) lastIndex.current = selectedIndex

  const moveTo = (index: number, extend: boolean) => {
    lastIndex.current = index
    virtualizer.scrollToIndex(index, { align: 'auto' })
    const row = rowAt(index)
    if (row) land(index, row, extend)
    else pending.current = { index, extend }
  }

  const step = (by: number): boolean => {
    const current = selectedIndex >= 0 ? selectedIndex : lastIndex.current
    const target = Math.min(count - 1, Math.max(0, current + by))
    if (count === 0 || target === current) return false
    moveTo(target, false)
    return true
  }
  useEffect(() => {
    if (nav) nav.current = { step }
  })

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (count === 0) return
    const current = selectedIndex >= 0 ? selectedIndex : lastIndex.current
    if (hasMod(event) && event.key.toLowerCase() === 'a') {
      event.preventDefault()
      selection.selectAll()
      return
    }
    if (event.key === ' ' && current >= 0) {
      const row = rowAt(current)
      if (!row) return
      event.preventDefault()
      if (hasMod(event)) selection.toggle(current, row.id)
      else selection.only(current, row.id)
      return
    }
    if (event.key === 'Escape' && (selection.all || selection.ids.size > 1)) {
      event.preventDefault()
      const row = current >= 0 ? rowAt(current) : undefined
      if (row) selection.only(current, row.id)
      else selection.clear()
      return
    }
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
    moveTo(Math.min(count - 1, Math.max(0, target)), event.shiftKey)
  }

  // One function for the list's life: the selection object is new whenever it or the total
  // changes, and a new onPick would re-render every memoised row.
  const picked = useRef({ selection, onSelect })
  picked.current = { selection, onSelect }
  const onPick = useCallback((index: number, row: ReviewRow, how: PickModifiers) => {
    const { selection, onSelect } = picked.current
    lastIndex.current = index
    if (how.range) selection.extendTo(index)
    else if (how.toggle) selection.toggle(index, row.id)
    else selection.only(index, row.id)
    onSelect(row.id)
  }, [])

  const activeRendered =
    selectedId !== null && items.some((item) => rowAt(item.index)?.id === selectedId)

  return (
    <div
      className="list-pane"
      style={{ '--list-columns': draftTemplate ?? gridTemplate(columns) } as CSSProperties}
    >
      <div className="list-head">
        <p id="review-count" className="count" aria-live="polite">
          {total === null ? 'Loading…' : plural(total, 'review')}
        </p>
        {head}
        <ColumnChooser columns={columns} onColumns={props.onColumns} />
      </div>
      <ListHeader
        columns={columns}
        sort={props.sort}
        onSort={props.onSort}
        onColumns={props.onColumns}
        onDraft={setDraftTemplate}
      />
      <div
        ref={scroller}
        className="review-list"
        role="listbox"
        aria-label="Reviews"
        aria-multiselectable="true"
        aria-describedby="list-keys-hint"
        tabIndex={0}
        aria-activedescendant={activeRendered ? `option-${selectedId}` : undefined}
        onKeyDown={onKeyDown}
      >
        <div className="review-list-inner" style={{ height: virtualizer.getTotalSize() }}>
          {items.map((item) => {
            const row = rowAt(item.index)
            return (
              <ReviewListRow
                // Keyed by place, so a placeholder filled in, a re-sorted or refiltered page
                // updates the rows in place rather than unmounting and mounting every one.
                key={item.index}
                row={row}
                index={item.index}
                selected={
                  row !== undefined && (many ? selection.has(row.id) : row.id === selectedId)
                }
                current={row !== undefined && row.id === selectedId}
                top={item.start}
                height={item.size}
                tagColors={tagColors}
                terms={terms}
                columns={shown}
                onPick={onPick}
              />
            )
          })}
        </div>
      </div>
      <p id="list-keys-hint" className="visually-hidden">
        Arrows move, Shift+arrows extend the selection, Control+Space adds or removes a review,
        Control+A selects all matching. Press question mark for all shortcuts.
      </p>
      {total === 0 && <p className="list-empty">No reviews match these filters.</p>}
    </div>
  )
}
