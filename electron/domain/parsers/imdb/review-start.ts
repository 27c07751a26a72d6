import { findDate } from '../dates'
import { matchByline, type BylineMatch } from './byline-match'
import { canBeHeadline, isSpoilerLine, ratingOf, reviewWorkOf, usefulBeforeOf } from './lines'
import type { Helpful, WorkRef } from '../../../../shared/domain'

/** The anchor of a review: work? rating? headline, byline (and marks among them). */
export interface ReviewStart {
  /** 1-based line of the review's first line. */
  line: number
  rating: number | null
  title: string
  byline: BylineMatch
  spoiler: boolean
  /** Index of the first line after the byline. */
  next: number
  work: WorkRef | null
  /** Older layouts print the votes before the review. */
  usefulBefore: Helpful | null
}

interface Soft {
  index: number
  spoiler: boolean
  useful: Helpful | null
}

/** Skips blank lines, spoiler marks and vote lines, which layouts put in varying places. */
export function skipSoft(lines: readonly string[], i: number): Soft {
  let index = i
  let spoiler = false
  let useful: Helpful | null = null
  for (; index < lines.length; index++) {
    const line = lines[index] ?? ''
    if (isSpoilerLine(line)) spoiler = true
    else if (usefulBeforeOf(line) !== null) useful = usefulBeforeOf(line)
    else if (line !== '') break
  }
  return { index, spoiler, useful }
}

/** Matches a review start at line `i` (trimmed lines), or returns null. */
export function matchStart(lines: readonly string[], i: number): ReviewStart | null {
  const first = skipSoft(lines, i)
  const work = reviewWorkOf(lines[first.index] ?? '')
  if (work !== null) {
    const after = skipSoft(lines, first.index + 1)
    const withWork = matchRated(lines, after.index, work)
    if (withWork !== null) return merge(withWork, first, after, first.index)
  }
  const plain = matchRated(lines, first.index, null)
  return plain === null ? null : merge(plain, first, null, first.index)
}

function merge(start: ReviewStart, first: Soft, after: Soft | null, index: number): ReviewStart {
  return {
    ...start,
    line: index + 1,
    spoiler: start.spoiler || first.spoiler || (after?.spoiler ?? false),
    usefulBefore: start.usefulBefore ?? after?.useful ?? first.useful,
  }
}

function matchRated(lines: readonly string[], i: number, work: WorkRef | null): ReviewStart | null {
  const rating = ratingOf(lines[i] ?? '')
  if (rating !== null) {
    const rated = matchHeadline(lines, i + 1, rating, work)
    if (rated !== null) return rated
  }
  return matchHeadline(lines, i, null, work)
}

function matchHeadline(
  lines: readonly string[],
  i: number,
  rating: number | null,
  work: WorkRef | null,
): ReviewStart | null {
  const head = skipSoft(lines, i)
  const headLine = lines[head.index] ?? ''
  if (!canBeHeadline(headLine)) return null
  const summary = summaryWithDate(headLine)
  const title = summary?.title ?? headLine
  let by = skipSoft(lines, head.index + 1)
  let rate = rating
  // Some layouts put the rating between the headline and the byline.
  const late = rate === null ? ratingOf(lines[by.index] ?? '') : null
  if (late !== null) {
    rate = late
    by = skipSoft(lines, by.index + 1)
  }
  let byline = matchByline(lines, by.index)
  if (summary !== null && (byline === null || byline.date !== null)) {
    // "Summary, 16 February 2009": the date came with the headline; no author line follows.
    byline = byline ?? {
      author: '',
      date: summary.date,
      ambiguous: false,
      alternatives: [{ author: '', date: summary.date }],
      raw: summary.raw,
      last: head.index,
    }
  }
  if (byline === null) return null
  if (byline.date === null && summary !== null) {
    byline = {
      ...byline,
      date: summary.date,
      alternatives: [{ author: byline.author, date: summary.date }],
    }
  }
  return {
    line: head.index + 1,
    rating: rate,
    title,
    byline,
    spoiler: head.spoiler || by.spoiler,
    next: byline.last + 1,
    work,
    usefulBefore: head.useful ?? by.useful,
  }
}

/** Older pages: "Gritty, bleak and unforgettable, 16 February 2009" on one line. */
function summaryWithDate(line: string): { title: string; date: string; raw: string } | null {
  const found = findDate(line)
  if (found === null || found.after.trim() !== '') return null
  const title = found.before.replace(/[,\s]+$/, '')
  if (title === '' || !/,\s*$/.test(found.before)) return null
  return { title, date: found.date.iso, raw: line }
}
