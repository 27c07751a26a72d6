// Detection by trial: every family reads the page and the reading that explains most of it, with
// the most fields, wins. A family that finds no review is out, so a page that declares reviews but
// defeats one grammar falls through to the next instead of being refused.
import type { Detection, FormatId, ParsedReview, ParseResult } from '../../../../shared/domain'
import { metaLineOf } from '../generic/meta-lines'
import { titleYearOf, type Line } from '../lines/classify-line'
import type { Family } from './family'
import { genericRecords } from './generic-records'
import { imdbBareUser } from './imdb-bare-user'
import { imdbMirror } from './imdb-mirror'
import { imdbMobileTitle } from './imdb-mobile-title'
import { imdbMobileUser } from './imdb-mobile-user'
import { imdbOldUser } from './imdb-old-user'

export const FAMILIES: readonly Family[] = [
  imdbMobileTitle,
  imdbMobileUser,
  imdbMirror,
  imdbOldUser,
  imdbBareUser,
  genericRecords,
]

/** A reading of the page by one family (or by the established layout parsers). */
export interface Candidate {
  family: string
  label: string
  generic: boolean
  result: ParseResult
}

export interface Scored extends Candidate {
  score: number
  coverage: number
}

const FIELDS = ['title', 'author', 'date', 'rating', 'helpful'] as const

function isMergeMark(line: string): boolean {
  const kind = metaLineOf(line)?.kind
  return kind === 'rating' || (kind === 'date' && line.trim().length > 12)
}

/**
 * Field values no page prints in that field: a sentence for a headline, a headline for a name,
 * a bullet or a button. A reading that produces them has merged or shifted reviews.
 */
function implausible(review: ParsedReview): number {
  const title = review.title
  const author = review.author
  const words = (s: string): number => s.split(/\s+/).length
  let bad = 0
  if (review.body.trim() === '') bad += 3
  if (/\sread more$/i.test(review.body)) bad++
  // A dated or rated line inside a body: the reading merged the next review into this one.
  if (review.body.split('\n').some((line) => isMergeMark(line))) bad++
  if (title.length > 80 || /^[•·]/.test(title) || /\bread more$/i.test(title)) bad++
  else if (titleYearOf(title) !== null) bad++
  else if (/[.]$/.test(title) && words(title) > 6) bad++
  if (
    author !== '' &&
    (/[,;:•·]|^(?:by|submitted|reviewed|written)\b|\breviews?$|^comments?$/i.test(author) ||
      words(author) > 4)
  )
    bad++
  return bad
}

/**
 * Coverage (the share of the page's characters not left as fragments) weighs most; then how many fields
 * each review has; IMDb families beat best-effort ones on a tie.
 */
export function scoreOf(candidate: Candidate, contentLines: number): Scored {
  const { reviews, fragments } = candidate.result
  const unread = fragments.reduce((n, f) => n + f.text.replace(/\s+/g, '').length, 0)
  const coverage = contentLines === 0 ? 0 : Math.max(0, 1 - unread / contentLines)
  const fields =
    reviews.reduce(
      (n, r) => n + FIELDS.filter((f) => r[f] !== null && r[f] !== '').length - 3 * implausible(r),
      0,
    ) / Math.max(1, reviews.length)
  const score = coverage * 100 + fields * 4 + (candidate.generic ? 0 : 5)
  return { ...candidate, score, coverage }
}

/** Runs every family that may produce `format` (all when null) on the lines. */
export function familyCandidates(lines: readonly Line[], format: FormatId | null): Candidate[] {
  const out: Candidate[] = []
  for (const family of FAMILIES) {
    if (format !== null && family.format !== format && !formatsOf(family).includes(format)) continue
    const parsed = family.parse(lines)
    if (parsed === null || parsed.reviews.length === 0) continue
    out.push({
      family: family.id,
      label: family.label,
      generic: family.generic,
      result: {
        format: parsed.format ?? family.format,
        work: parsed.work,
        declaredCount: parsed.declaredCount,
        incomplete: false,
        reviews: parsed.reviews,
        warnings: [],
        fragments: parsed.fragments,
        ...(family.generic ? { generic: true } : {}),
      },
    })
  }
  return out
}

function formatsOf(family: Family): FormatId[] {
  return family === imdbBareUser ? ['imdb-single-review-text'] : []
}

/** The best reading, best first, with a confidence from its coverage and its lead. */
export function rank(
  candidates: Candidate[],
  text: string,
): { ranked: Scored[]; detection: Detection } | null {
  const contentLines = text.replace(/\s+/g, '').length
  const ranked = candidates
    .filter((c) => c.result.reviews.length > 0)
    .map((c) => scoreOf(c, contentLines))
    .sort((a, b) => b.score - a.score)
  const best = ranked[0]
  if (best === undefined) return null
  const second = ranked[1]
  const margin = second === undefined ? 1 : Math.min(1, 0.5 + (best.score - second.score) / 20)
  const confidence = Math.round(best.coverage * margin * 100) / 100
  return {
    ranked,
    detection: {
      family: best.family,
      label: best.label,
      confidence,
      runnerUp: second?.family ?? null,
    },
  }
}
