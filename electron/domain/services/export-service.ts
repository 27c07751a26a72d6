import { stringify } from 'csv-stringify/sync'
import type { ExportFormat } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import type { Library } from '../library/library'
import { guardCell } from './csv-cell'
import { matchReviews } from './query-service'
import { toExported, type ExportedReview } from './review-export'

export const EXPORT_SCHEMA = 'review-curator-export'
export const EXPORT_VERSION = 1

/** Tags are joined with this in CSV; documented in the README so a spreadsheet can split them. */
export const CSV_TAG_SEPARATOR = '; '

export const CSV_COLUMNS = [
  'id',
  'work_title',
  'work_year',
  'rating',
  'my_rating',
  'title',
  'author',
  'date',
  'helpful_yes',
  'helpful_total',
  'spoiler',
  'tags',
  'note',
  'byline_raw',
  'byline_ambiguous',
  'truncated',
  'body',
] as const

function csvRow(r: ExportedReview): string[] {
  const cells: (string | number | boolean | null)[] = [
    r.id,
    r.work.title,
    r.work.year,
    r.rating,
    r.curation.myRating,
    r.title,
    r.author,
    r.date,
    r.helpful?.yes ?? null,
    r.helpful?.total ?? null,
    r.spoiler,
    r.curation.tags.join(CSV_TAG_SEPARATOR),
    r.curation.note,
    r.bylineRaw,
    r.bylineAmbiguous,
    r.truncated,
    r.body,
  ]
  return cells.map((c) => (c === null ? '' : typeof c === 'string' ? guardCell(c) : String(c)))
}

export function renderCsv(reviews: ExportedReview[], bom = true): string {
  const body = stringify([[...CSV_COLUMNS], ...reviews.map(csvRow)], { record_delimiter: '\r\n' })
  // The BOM is what makes Excel read the file as UTF-8 instead of the system code page.
  return (bom ? '\uFEFF' : '') + body
}

export function renderJson(
  reviews: ExportedReview[],
  query: ReviewQuery,
  exportedAt: string,
): string {
  const doc = { schema: EXPORT_SCHEMA, version: EXPORT_VERSION, exportedAt, query, reviews }
  return `${JSON.stringify(doc, null, 2)}\n`
}

export function selectForExport(library: Library, query: ReviewQuery): ExportedReview[] {
  return matchReviews(library, query).map((m) => toExported(library, m.review, m.curation))
}

export function renderExport(
  library: Library,
  query: ReviewQuery,
  format: ExportFormat,
): { text: string; count: number } {
  const reviews = selectForExport(library, query)
  const text =
    format === 'csv' ? renderCsv(reviews) : renderJson(reviews, query, library.now().toISOString())
  return { text, count: reviews.length }
}
