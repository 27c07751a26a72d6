import { LIST_COLUMNS, type ListColumn, type WorkspaceLayout } from '../../shared/channels/layout'
import type { ReviewQuery, SortField } from '../../shared/query'

// The review list's columns: which the user shows, how wide they are and which sort a header
// click gives. Pure, so the rules are unit-tested without a browser.

export type ColumnLayout = WorkspaceLayout['columns']

interface ColumnInfo {
  label: string
  /** Pixels; the headline column has none: it takes what the others leave. */
  width?: number
  sort?: SortField
  /** The first click sorts this way: text A to Z, numbers and dates highest or newest first. */
  firstDir?: 'asc' | 'desc'
}

export const COLUMN_INFO: Record<ListColumn, ColumnInfo> = {
  rating: { label: 'Rating', width: 52, sort: 'rating', firstDir: 'desc' },
  mine: { label: 'Mine', width: 44, sort: 'myRating', firstDir: 'desc' },
  headline: { label: 'Review', sort: 'title', firstDir: 'asc' },
  author: { label: 'Author', width: 120 },
  date: { label: 'Date', width: 96, sort: 'date', firstDir: 'desc' },
  helpful: { label: 'Helpful', width: 64, sort: 'helpful', firstDir: 'desc' },
  tags: { label: 'Tags', width: 140 },
  spoiler: { label: 'Spoiler', width: 64 },
}

/** The narrowest the headline column gets before the list scrolls sideways: about 20 characters. */
export const HEADLINE_MIN = 160

/** The columns shown, in display order; the headline column is always among them. */
export function shownColumns(layout: ColumnLayout): ListColumn[] {
  const wanted = new Set<ListColumn>([...layout.visible, 'headline'])
  return LIST_COLUMNS.filter((c) => wanted.has(c))
}

export function columnWidth(layout: ColumnLayout, column: ListColumn): number {
  return layout.widths[column] ?? COLUMN_INFO[column].width ?? HEADLINE_MIN
}

/** The CSS grid template the header and every row share. */
export function gridTemplate(layout: ColumnLayout): string {
  return shownColumns(layout)
    .map((c) =>
      c === 'headline' ? `minmax(${HEADLINE_MIN}px, 1fr)` : `${columnWidth(layout, c)}px`,
    )
    .join(' ')
}

/** Shows or hides a column; the headline column cannot be hidden. */
export function toggleColumn(layout: ColumnLayout, column: ListColumn): ColumnLayout {
  if (column === 'headline') return layout
  const shown = shownColumns(layout)
  const visible = shown.includes(column)
    ? shown.filter((c) => c !== column)
    : LIST_COLUMNS.filter((c) => c === column || shown.includes(c))
  return { ...layout, visible }
}

export function resizeColumn(
  layout: ColumnLayout,
  column: ListColumn,
  width: number,
): ColumnLayout {
  return { ...layout, widths: { ...layout.widths, [column]: Math.round(width) } }
}

/**
 * The sort a click on the column's header asks for: its own field in its first direction, or
 * the other direction when the list is already sorted by it. Null for a column without a sort.
 */
export function headerSort(
  column: ListColumn,
  current: ReviewQuery['sort'],
): NonNullable<ReviewQuery['sort']> | null {
  const { sort: field, firstDir } = COLUMN_INFO[column]
  if (!field || !firstDir) return null
  if (current?.field !== field) return { field, dir: firstDir }
  return { field, dir: current.dir === 'asc' ? 'desc' : 'asc' }
}
