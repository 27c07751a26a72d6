import type { ParseResult } from '../../../../shared/domain'
import type { ParseSteps } from '../parse-util'
import { parseImdbSteps, type ImdbLayout } from './review-parser'
import { parseTrailingSteps } from './trailing-parser'

/**
 * IMDb text in any layout. Most layouts open a review with its byline; newer pages close it with
 * the byline instead. When the first reading leaves text unread, the other one is tried and the
 * reading that explains more of the page wins.
 */
export function* parseImdbAnySteps(text: string, layout: ImdbLayout): ParseSteps {
  const leading = yield* parseImdbSteps(text, layout)
  if (leading.reviews.length > 0 && leading.fragments.length === 0) return leading
  // The second reading keeps yielding (time slices, cancel) but holds the bar where it is.
  const second = parseTrailingSteps(text, layout)
  let next = second.next()
  while (next.done !== true) {
    yield { done: next.value.total, total: next.value.total }
    next = second.next()
  }
  const trailing = next.value
  return score(trailing) > score(leading) ? trailing : leading
}

/** Complete reviews count for, unread blocks against. */
function score(result: ParseResult): number {
  const complete = result.reviews.filter((r) => r.date !== null && r.body !== '' && !r.truncated)
  return complete.length * 2 + result.reviews.length - result.fragments.length * 2
}
