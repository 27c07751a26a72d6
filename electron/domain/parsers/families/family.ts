import type {
  FieldSource,
  FormatId,
  ParsedReview,
  UnparsedFragment,
  WorkRef,
} from '../../../../shared/domain'
import { bodyOf, isChrome, titleYearOf, type Line } from '../lines/classify-line'

/** What one family grammar read from a page; null from `parse` means "not this family's shape". */
export interface FamilyParse {
  work: WorkRef | null
  declaredCount: number | null
  reviews: ParsedReview[]
  fragments: UnparsedFragment[]
  /** A family whose pages map to more than one format (one review: a single-review page). */
  format?: FormatId
}

export interface Family {
  id: string
  label: string
  format: FormatId
  /** Best-effort families are reported as generic and lose ties to the IMDb ones. */
  generic: boolean
  parse(lines: readonly Line[]): FamilyParse | null
}

export interface ReviewFields {
  line: number
  body: string
  title?: string
  author?: string
  date?: string | null
  rating?: number | null
  spoiler?: boolean
  helpful?: { yes: number; total: number } | null
  truncated?: boolean
  work?: WorkRef | null
  sourceKind?: 'critic' | 'user'
  bylineRaw?: string
  provenance?: ParsedReview['provenance']
}

/** A review with every field the page does not show left empty. */
export function review(fields: ReviewFields): ParsedReview {
  const author = fields.author ?? ''
  const date = fields.date ?? null
  const out: ParsedReview = {
    line: fields.line,
    rating: fields.rating ?? null,
    title: fields.title ?? '',
    author,
    date,
    bylineRaw: fields.bylineRaw ?? [author, date ?? ''].join(' ').trim(),
    bylineAmbiguous: false,
    bylineAlternatives: author === '' && date === null ? [] : [{ author, date: date ?? '' }],
    spoiler: fields.spoiler ?? false,
    helpful: fields.helpful ?? null,
    body: fields.body,
    truncated: fields.truncated ?? false,
  }
  if (fields.work !== undefined) out.work = fields.work
  if (fields.sourceKind !== undefined) out.sourceKind = fields.sourceKind
  const provenance = { ...provenanceOf(out), ...fields.provenance }
  if (Object.keys(provenance).length > 0) out.provenance = provenance
  return out
}

/** Every field a grammar filled came from the review's own lines unless it says otherwise. */
function provenanceOf(r: ParsedReview): ParsedReview['provenance'] {
  const out: Partial<Record<'title' | 'author' | 'date' | 'rating' | 'helpful', FieldSource>> = {}
  if (r.title !== '') out.title = 'line'
  if (r.author !== '') out.author = 'line'
  if (r.date !== null) out.date = 'line'
  if (r.rating !== null) out.rating = 'line'
  if (r.helpful !== null) out.helpful = 'line'
  return out
}

/** The header above the first review, minus its work line and chrome: kept as one fragment. */
export function headerFragments(lines: readonly Line[], end: number): UnparsedFragment[] {
  const unread = lines.slice(0, end).filter((l) => titleYearOf(l.text) === null)
  const text = bodyOf(unread)
  const first = unread.find((l) => l.text !== '' && !isChrome(l.text))
  return text === '' || first === undefined ? [] : [{ line: first.index + 1, text }]
}
