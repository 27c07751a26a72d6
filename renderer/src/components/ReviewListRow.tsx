import { memo, type MouseEvent } from 'react'
import type { ListColumn } from '../../../shared/channels/layout'
import type { ReviewRow } from '../../../shared/contract'
import { formatDate } from '../format'
import { Marked } from './Marked'

export interface PickModifiers {
  toggle: boolean
  range: boolean
}

interface Props {
  row: ReviewRow | undefined
  index: number
  selected: boolean
  current: boolean
  top: number
  height: number
  tagColors: ReadonlyMap<string, string>
  /** Folded search terms to mark in the headline and author. */
  terms: string[]
  /** The columns shown; what has no column of its own goes on the headline's second line. */
  columns: readonly ListColumn[]
  onPick: (index: number, row: ReviewRow, how: PickModifiers) => void
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
  if (row.hasHighlights) parts.push('has highlights')
  if (row.kept) parts.push('kept')
  if (row.snippet) parts.push(`matching passage: ${row.snippet}`)
  return parts.join(', ')
}

const isMac = /Mac|iPhone|iPad/.test(navigator.platform)

export const ReviewListRow = memo(function ReviewListRow(props: Props) {
  const { row, index, selected, current, top, height, tagColors, terms, columns, onPick } = props
  const style = { transform: `translateY(${top}px)`, height }
  if (!row) {
    return (
      <div className="review-row loading" style={style} role="option" aria-selected={false}>
        Loading…
      </div>
    )
  }
  const pick = (event: MouseEvent) =>
    onPick(index, row, {
      toggle: isMac ? event.metaKey : event.ctrlKey,
      range: event.shiftKey,
    })
  const has = (column: ListColumn) => columns.includes(column)
  const author = (
    <span className="author" title={row.bylineCorrected ? 'Byline corrected by you' : ''}>
      <Marked text={row.author} terms={terms} />
    </span>
  )
  const date = <time dateTime={row.date ?? undefined}>{formatDate(row.date)}</time>
  const chips = row.tags.map((tag) => (
    <span key={tag} className="chip small">
      <span
        className="swatch"
        style={{ background: tagColors.get(tag.toLowerCase()) ?? 'transparent' }}
      />
      {tag}
    </span>
  ))
  const classes = ['review-row', current ? 'current' : '', row.kept ? 'kept' : ''].join(' ').trim()
  return (
    <div
      id={`option-${row.id}`}
      className={classes}
      style={style}
      role="option"
      aria-selected={selected}
      aria-label={describe(row)}
      data-index={index}
      onClick={pick}
    >
      {has('rating') && (
        <span className="cell rating">{row.rating === null ? '—' : `${row.rating}/10`}</span>
      )}
      {has('mine') && (
        <span className={row.myRating === null ? 'cell mine unset' : 'cell mine'}>
          {row.myRating ?? '·'}
        </span>
      )}
      <span className="cell main">
        <span className="headline">
          {row.kept && (
            <span className="keep-mark" title="Kept">
              ★
            </span>
          )}
          <Marked text={row.title} terms={terms} />
          {row.hasNote && (
            <span className="note-mark" title="Has a note">
              ✎
            </span>
          )}
          {row.hasHighlights && (
            <span className="note-mark" title="Has highlights">
              ❝
            </span>
          )}
        </span>
        <span className="meta">
          {!has('spoiler') && row.spoiler && <span className="badge small">Spoiler</span>}
          {!has('author') && author}
          {!has('date') && date}
          {!has('tags') && chips}
        </span>
        {row.snippet && (
          <span className="snippet">
            <Marked text={row.snippet} terms={terms} />
          </span>
        )}
      </span>
      {has('author') && <span className="cell text">{author}</span>}
      {has('date') && <span className="cell text">{date}</span>}
      {has('helpful') && (
        <span
          className="cell helpful"
          title={row.helpful ? `${row.helpful.yes} of ${row.helpful.total} found this helpful` : ''}
        >
          {row.helpful ? `${row.helpful.yes}/${row.helpful.total}` : '—'}
        </span>
      )}
      {has('tags') && <span className="cell tags">{chips}</span>}
      {has('spoiler') && (
        <span className="cell spoiler">
          {row.spoiler && <span className="badge">Spoiler</span>}
        </span>
      )}
    </div>
  )
})
