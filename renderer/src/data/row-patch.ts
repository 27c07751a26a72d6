import type { ReviewRow } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'

// When a curation change names some reviews, the list re-reads only those rows, in place. That is
// sound only while curation cannot move rows in or out of the query or reorder it.

const CURATION_SORTS: ReadonlySet<string> = new Set(['myRating', 'ratingDiff'])

/**
 * Whether a curation edit may change which reviews the query selects or their order: typed and
 * text searches (they match tags and notes), tag, keep and my-rating filters, my-rating sorts.
 */
export function dependsOnCuration(query: ReviewQuery): boolean {
  return Boolean(
    query.q ||
    query.text ||
    query.tags?.length ||
    query.excludeTags?.length ||
    query.kept !== undefined ||
    query.reviewed !== undefined ||
    query.myRating ||
    // The shown date follows the byline reading the curator picks.
    query.dates ||
    (query.sort && CURATION_SORTS.has(query.sort.field)),
  )
}

/** The rows of one held page to read again: `first` to `last`, both inclusive, within the page. */
export interface RowSpan {
  page: number
  first: number
  last: number
}

/** One span per held page that holds any of `ids`, from its first such row to its last. */
export function spansHolding(
  pages: ReadonlyMap<number, readonly ReviewRow[]>,
  ids: readonly string[],
): RowSpan[] {
  const wanted = new Set(ids)
  const spans: RowSpan[] = []
  for (const [page, rows] of pages) {
    let first = -1
    let last = -1
    rows.forEach((row, i) => {
      if (!wanted.has(row.id)) return
      if (first < 0) first = i
      last = i
    })
    if (first >= 0) spans.push({ page, first, last })
  }
  return spans.sort((a, b) => a.page - b.page)
}

/**
 * The page with the span's rows replaced by `fresh`, or null when `fresh` is not the same reviews
 * in the same places (the library moved under the list): then the caller re-reads whole pages.
 */
export function patchSpan(
  rows: readonly ReviewRow[],
  span: RowSpan,
  fresh: readonly ReviewRow[],
): ReviewRow[] | null {
  if (fresh.length !== span.last - span.first + 1) return null
  if (fresh.some((row, i) => rows[span.first + i]?.id !== row.id)) return null
  const next = rows.slice()
  next.splice(span.first, fresh.length, ...fresh)
  return next
}

/** The page with every row named in `fresh` replaced, or null when it holds none of them. */
export function replaceRows(
  rows: readonly ReviewRow[],
  fresh: ReadonlyMap<string, ReviewRow>,
): ReviewRow[] | null {
  let next: ReviewRow[] | null = null
  rows.forEach((row, i) => {
    const replacement = fresh.get(row.id)
    if (!replacement) return
    next ??= rows.slice()
    next[i] = replacement
  })
  return next
}
