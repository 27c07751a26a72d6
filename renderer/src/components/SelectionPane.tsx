import { useRef } from 'react'
import { reviewList, SHORTCUT_SCOPE } from '../focus'
import type { TagSummary } from '../../../shared/contract'
import { plural } from '../format'
import { useFocusKeeper } from '../hooks/useFocusKeeper'
import type { ReviewPages } from '../hooks/useReviewPages'
import type { Selection } from '../hooks/useSelection'
import { BulkBar, type BulkAction } from './BulkBar'

/** Enough headlines to recognise the selection; the count says how many there are in all. */
const LISTED = 12

interface Props {
  selection: Selection
  pages: ReviewPages
  tags: TagSummary[]
  busy: boolean
  onAction: (action: BulkAction) => void
  onAddToCollection?: () => void
}

/**
 * What the reader area shows while two or more reviews are selected: the reader would otherwise
 * show only the last one clicked, which is not what the next action applies to.
 */
export function SelectionPane({
  selection,
  pages,
  tags,
  busy,
  onAction,
  onAddToCollection,
}: Props) {
  const total = pages.total ?? 0
  // Focus rule 1: the bar's buttons are disabled while their change saves; the keyboard comes
  // back to the one pressed (or to the list) instead of staying on <body>.
  const pane = useRef<HTMLElement>(null)
  useFocusKeeper(busy, pane, reviewList)
  // Rows of pages the list holds; a long Shift range may reach beyond them, the count does not.
  const listed = selection.all
    ? []
    : [...selection.ids]
        .slice(0, LISTED)
        .map((id) => pages.rowAt(pages.indexOf(id)))
        .filter((row) => row !== undefined)
  return (
    <section
      ref={pane}
      className="reader selection-pane"
      aria-labelledby="selection-pane-title"
      {...{ [SHORTCUT_SCOPE]: '' }}
    >
      <div className="reader-content">
        <h2 id="selection-pane-title" className="review-headline">
          {plural(selection.count, 'review')} selected
        </h2>
        <p className="hint">
          {selection.all
            ? 'Every review the list matches. '
            : 'Each action below applies to all of them and is one step to undo. '}
          Esc in the list goes back to one review.
        </p>
        <BulkBar
          selection={selection}
          total={total}
          tags={tags}
          busy={busy}
          onAction={onAction}
          onAddToCollection={onAddToCollection}
        />
        {listed.length > 0 && (
          <ul className="selection-list" aria-label="Selected reviews">
            {listed.map((row) => (
              <li key={row.id}>
                <span className="selected-headline">{row.title}</span>{' '}
                <span className="hint">by {row.author}</span>
              </li>
            ))}
            {selection.count > listed.length && (
              <li className="hint">and {selection.count - listed.length} more</li>
            )}
          </ul>
        )}
      </div>
    </section>
  )
}
