import { memo } from 'react'
import type { ReviewRow } from '../../../shared/contract'
import { formatDate } from '../format'

interface Props {
  row: ReviewRow | undefined
  index: number
  selected: boolean
  top: number
  height: number
  onPick: (index: number, row: ReviewRow) => void
}

/** A concise spoken summary; the visual row is dense columns that read poorly in order. */
function describe(row: ReviewRow): string {
  const parts = [row.title, `by ${row.author}`, formatDate(row.date)]
  parts.push(row.rating === null ? 'no rating' : `rated ${row.rating}/10`)
  if (row.myRating !== null) parts.push(`mine ${row.myRating}/10`)
  if (row.helpful) parts.push(`${row.helpful.yes} of ${row.helpful.total} found helpful`)
  if (row.spoiler) parts.push('contains spoilers')
  if (row.tags.length > 0) parts.push(`tags: ${row.tags.join(', ')}`)
  if (row.hasNote) parts.push('has a note')
  return parts.join(', ')
}

export const ReviewListRow = memo(function ReviewListRow(props: Props) {
  const { row, index, selected, top, height, onPick } = props
  const style = { transform: `translateY(${top}px)`, height }
  if (!row) {
    return (
      <div className="review-row loading" style={style} role="option" aria-selected={false}>
        Loading…
      </div>
    )
  }
  return (
    <div
      id={`option-${row.id}`}
      className="review-row"
      style={style}
      role="option"
      aria-selected={selected}
      aria-label={describe(row)}
      data-index={index}
      onClick={() => onPick(index, row)}
    >
      <span className="cell rating">{row.rating === null ? '—' : `${row.rating}/10`}</span>
      <span className={row.myRating === null ? 'cell mine unset' : 'cell mine'}>
        {row.myRating ?? '·'}
      </span>
      <span className="cell main">
        <span className="headline">
          {row.title}
          {row.hasNote && (
            <span className="note-mark" title="Has a note">
              ✎
            </span>
          )}
        </span>
        <span className="meta">
          <span className="author">{row.author}</span>
          <time dateTime={row.date ?? undefined}>{formatDate(row.date)}</time>
          {row.tags.map((tag) => (
            <span key={tag} className="chip small">
              {tag}
            </span>
          ))}
        </span>
      </span>
      <span
        className="cell helpful"
        title={row.helpful ? `${row.helpful.yes} of ${row.helpful.total} found this helpful` : ''}
      >
        {row.helpful ? `${row.helpful.yes}/${row.helpful.total}` : '—'}
      </span>
      <span className="cell spoiler">{row.spoiler && <span className="badge">Spoiler</span>}</span>
    </div>
  )
})
