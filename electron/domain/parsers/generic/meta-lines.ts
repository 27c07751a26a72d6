// Classifies the lines of a review list copied from an unknown site: the metadata lines that
// surround each review (date, rating, author), everything else is text.
import { findDate, type ParsedDate } from '../dates'
import { helpfulOf } from '../imdb/lines'
import { ratingLineOf } from '../rating-scale'
import type { Helpful } from '../../../../shared/domain'

export type MetaLine =
  | { kind: 'date'; date: ParsedDate; author: string | null }
  | { kind: 'rating'; rating: number | null; raw: string; title?: string }
  | { kind: 'author'; author: string; rating?: number | null }
  | { kind: 'helpful'; helpful: Helpful }
  | { kind: 'spoiler' }

const AUTHOR =
  /^(?:by|reviewed by|review by|author|posted by|written by|reviewer|user)\s*:?\s+(.{1,60})$/i
const WROTE = /^(.{1,50}?)\s+(?:wrote|says|writes):?$/i
// "Reviewed in Denmark on", "Watched", "Posted by": words around a date that are not a name.
const PLACE_PREFIX = /^reviewed in .{1,40}? on\b/i
const NOISE_START =
  /^(?:(?:reviewed|posted|written|published|updated|edited|watched|seen|dated?|on|by|in|at|the)\b|[-–—|•·,:()[\]\s])+/i
const NOISE_END = /(?:\b(?:on|at|posted|reviewed|dated?)|[-–—|•·,:()[\]\s])+$/i
const SPOILER = /^(?:spoilers?|contains spoilers|spoiler alert|warning: spoilers?)!?$/i

export function metaLineOf(line: string): MetaLine | null {
  const s = line.trim()
  if (s === '' || s.length > 100) return null
  if (SPOILER.test(s)) return { kind: 'spoiler' }
  const rating = ratingLineOf(s)
  if (rating !== null) return { kind: 'rating', ...rating }
  const helpful = helpfulOf(s)
  if (helpful !== null) return { kind: 'helpful', helpful }
  const found = findDate(s)
  if (found !== null) {
    const rest = `${found.before} ${found.after}`
      .replace(PLACE_PREFIX, '')
      .replace(NOISE_START, '')
      .replace(NOISE_END, '')
    const byRest = rest.replace(/^by\s+/i, '').trim()
    if (rest === '') return { kind: 'date', date: found.date, author: null }
    if (isName(byRest)) return { kind: 'date', date: found.date, author: byRest }
    return null
  }
  const titled = RATING_THEN_TITLE.exec(s)
  if (titled !== null) {
    const rated = ratingLineOf(titled[1] ?? '')
    if (rated !== null) return { kind: 'rating', ...rated, title: (titled[2] ?? '').trim() }
  }
  const author = AUTHOR.exec(s) ?? WROTE.exec(s)
  if (author === null) return null
  // "Review by Jens Hansen ★★★★": the stars after the name are the rating.
  const stars = /\s*([★⭐✪✭☆✩½]+)\s*$/.exec(author[1] ?? '')
  const name = (author[1] ?? '').slice(0, stars?.index).trim()
  if (!isName(name)) return null
  if (stars === null) return { kind: 'author', author: name }
  return { kind: 'author', author: name, rating: ratingLineOf(stars[1] ?? '')?.rating ?? null }
}

/** "5.0 out of 5 stars Great movie": a rating and the headline on one line. */
const RATING_THEN_TITLE = /^(\d(?:[.,]\d)?\s*out of\s*5\s*stars?)\s+(\S.{0,80})$/i

/** A screen name or a person's name: a few words, no sentence punctuation. */
export function isName(text: string): boolean {
  const s = text.trim()
  return s !== '' && s.length <= 50 && s.split(/\s+/).length <= 5 && !/[.!?;"]$/.test(s)
}

/** The dump has at least one dated or rated header and some prose: worth a generic parse. */
export function looksLikeGenericReviews(lines: readonly string[]): boolean {
  let anchors = 0
  let prose = 0
  for (const line of lines) {
    const meta = metaLineOf(line)
    if (meta?.kind === 'date' || meta?.kind === 'rating') anchors++
    else if (meta === null && line.trim().length >= 30) prose++
    if (anchors > 0 && prose > 0) return true
  }
  return false
}
