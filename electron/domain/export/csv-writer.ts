import Papa from 'papaparse'
import type { ExportFields } from '../../../shared/channels/export'
import type { Highlight } from '../../../shared/domain'
import type { Match } from '../queries/query-service'
import { guardCell } from './csv-cell'
import type { ExportContext, FormatWriter } from './export-context'

// CSV and TSV through Papa Parse's unparser: RFC 4180 quoting (a cell holding the delimiter, a
// quote or a line break is quoted, quotes doubled), CRLF between rows. csv-stringify was measured
// at 2.3 s for the 100,000-review bench alone; Papa Parse writes the same bytes in under 1 s.

/** Tags are joined with this; documented in the README so a spreadsheet can split them. */
export const CSV_TAG_SEPARATOR = '; '

type Cell = string | number | boolean | null
type Column = [name: string, value: (m: Match, workTitle: string, workYear: number | null) => Cell]

const quotes = (hs: Highlight[]) => hs.map((h) => h.quote.replace(/\s+/g, ' ')).join('\n')

const C: Record<string, Column> = {
  id: ['id', (m) => m.review.id],
  workTitle: ['work_title', (_m, t) => t],
  workYear: ['work_year', (_m, _t, y) => y],
  rating: ['rating', (m) => m.review.rating],
  myRating: ['my_rating', (m) => m.curation.myRating],
  title: ['title', (m) => m.review.title],
  author: ['author', (m) => m.review.author],
  date: ['date', (m) => m.review.date],
  helpfulYes: ['helpful_yes', (m) => m.review.helpful?.yes ?? null],
  helpfulTotal: ['helpful_total', (m) => m.review.helpful?.total ?? null],
  spoiler: ['spoiler', (m) => m.review.spoiler],
  tags: ['tags', (m) => m.curation.tags.join(CSV_TAG_SEPARATOR)],
  note: ['note', (m) => m.curation.note],
  bylineRaw: ['byline_raw', (m) => m.review.bylineRaw],
  bylineAmbiguous: ['byline_ambiguous', (m) => m.review.bylineAmbiguous],
  truncated: ['truncated', (m) => m.review.truncated],
  kept: ['kept', (m) => m.curation.kept],
  highlights: ['highlights', (m) => quotes(m.curation.highlights)],
  body: ['body', (m) => m.review.body],
}

const FIELD_COLUMNS: Record<Exclude<ExportFields, 'highlights'>, Column[]> = {
  all: [
    C.id!,
    C.workTitle!,
    C.workYear!,
    C.rating!,
    C.myRating!,
    C.title!,
    C.author!,
    C.date!,
    C.helpfulYes!,
    C.helpfulTotal!,
    C.spoiler!,
    C.tags!,
    C.note!,
    C.bylineRaw!,
    C.bylineAmbiguous!,
    C.truncated!,
    C.kept!,
    C.highlights!,
    C.body!,
  ],
  original: [
    C.id!,
    C.workTitle!,
    C.workYear!,
    C.rating!,
    C.title!,
    C.author!,
    C.date!,
    C.helpfulYes!,
    C.helpfulTotal!,
    C.spoiler!,
    C.bylineRaw!,
    C.bylineAmbiguous!,
    C.truncated!,
    C.body!,
  ],
  curation: [
    C.id!,
    C.workTitle!,
    C.workYear!,
    C.title!,
    C.author!,
    C.date!,
    C.rating!,
    C.myRating!,
    C.kept!,
    C.tags!,
    C.note!,
    C.highlights!,
  ],
}

export const CSV_COLUMNS = FIELD_COLUMNS.all.map(([name]) => name)
/** "Highlights only" writes one row per highlight. */
export const CSV_HIGHLIGHT_COLUMNS = [
  'review_id',
  'work_title',
  'work_year',
  'title',
  'author',
  'date',
  'rating',
  'my_rating',
  'quote',
  'highlight_tag',
  'comment',
]

const cell = (c: Cell): string =>
  c === null ? '' : typeof c === 'string' ? guardCell(c) : String(c)

/**
 * Rows are handed to the unparser in batches: one call per row costs more than the quoting, and a
 * small batch is more often plain ASCII, which the file writer copies fastest (see encodePieces).
 */
const BATCH = 50

export function csvWriter(ctx: ExportContext, delimiter: ',' | '\t'): FormatWriter {
  const { fields, bom } = ctx.options
  const unparse = (rows: string[][]) =>
    `${Papa.unparse(rows, { delimiter, newline: '\r\n', escapeFormulae: false })}\r\n`
  const header =
    fields === 'highlights' ? CSV_HIGHLIGHT_COLUMNS : FIELD_COLUMNS[fields].map((c) => c[0])
  let batch: string[][] = []
  const flush = () => {
    const text = batch.length ? unparse(batch) : ''
    batch = []
    return text
  }
  const rowsOf = (m: Match): string[][] => {
    const w = ctx.library.getWork(m.review.workId)
    const title = w?.title ?? ''
    const year = w?.year ?? null
    if (fields !== 'highlights') {
      return [FIELD_COLUMNS[fields].map(([, value]) => cell(value(m, title, year)))]
    }
    const { review: r, curation: c } = m
    return c.highlights.map((h) =>
      [
        r.id,
        title,
        year,
        r.title,
        r.author,
        r.date,
        r.rating,
        c.myRating,
        h.quote,
        h.tag,
        h.comment,
      ].map(cell),
    )
  }
  return {
    // The BOM is what makes Excel read the file as UTF-8 instead of the system code page.
    head: () => (bom ? '\uFEFF' : '') + unparse([header]),
    row: (m) => {
      batch.push(...rowsOf(m))
      return batch.length >= BATCH ? flush() : ''
    },
    tail: flush,
  }
}
