import type { Helpful } from '../../../../shared/domain'
import { matchByline, type BylineMatch } from './byline-match'
import { helpfulOf, isReviewChrome } from './lines'

/** The cluster of lines that closes a review in layouts that put the byline after the body. */
export interface ReviewFooter {
  first: number
  last: number
  byline: BylineMatch
  helpful: Helpful | null
}

const COUNT_ONLY = /^\d{1,3}(?:[,.]\d{3})*$|^\d+$/
const HELPFUL_WORD = /^Helpful$/i
const NOT_HELPFUL_WORD = /^Not helpful$/i

/**
 * Newer IMDb pages end each review with its votes and byline ("Helpful • 54", "8",
 * "UlrikSander • Mar 11, 2006", "Permalink", in either order). Matches such a cluster starting
 * at line `i`: it must hold both a byline and the votes, so body text never passes for one.
 */
export function matchFooter(lines: readonly string[], i: number): ReviewFooter | null {
  let k = i
  let byline: BylineMatch | null = null
  let helpful: Helpful | null = null
  let votesSeen = false
  let last = i - 1
  while (k < lines.length) {
    const line = lines[k] ?? ''
    if (line === '') {
      k++
      continue
    }
    const votes = votesAt(lines, k)
    if (votes !== null && !votesSeen) {
      helpful = votes.helpful
      votesSeen = true
      last = votes.last
      k = votes.last + 1
      continue
    }
    if (isReviewChrome(line) && !HELPFUL_WORD.test(line)) {
      last = k
      k++
      continue
    }
    const by: BylineMatch | null = byline === null ? matchByline(lines, k) : null
    if (by !== null && by.date !== null && (lines[k] ?? '').length <= 80) {
      byline = by
      last = by.last
      k = by.last + 1
      continue
    }
    break
  }
  if (byline === null || !votesSeen) return null
  return { first: i, last, byline, helpful }
}

/** "54 out of 62 found this helpful", "Helpful • 54" [+ "8"], or "Helpful" / "54" / "8". */
function votesAt(lines: readonly string[], i: number): { helpful: Helpful; last: number } | null {
  const line = lines[i] ?? ''
  const direct = helpfulOf(line)
  if (direct !== null) {
    if (direct.yes !== direct.total || /out of|of/.test(line)) return { helpful: direct, last: i }
    const down = countAfter(lines, i)
    if (down === null) return { helpful: direct, last: i }
    return { helpful: { yes: direct.yes, total: direct.yes + down.value }, last: down.last }
  }
  if (!HELPFUL_WORD.test(line)) return null
  const up = countAfter(lines, i)
  if (up === null) return null
  const down = countAfter(lines, up.last)
  if (down === null) return { helpful: { yes: up.value, total: up.value }, last: up.last }
  return { helpful: { yes: up.value, total: up.value + down.value }, last: down.last }
}

/** A count on the next line, "Not helpful" labels skipped. */
function countAfter(lines: readonly string[], i: number): { value: number; last: number } | null {
  let k = i + 1
  while (k < lines.length && NOT_HELPFUL_WORD.test(lines[k] ?? '')) k++
  const line = lines[k] ?? ''
  if (!COUNT_ONLY.test(line)) return null
  return { value: Number(line.replace(/[,.]/g, '')), last: k }
}
