import type { ParsedReview, ParseResult, WorkRef } from '../../../shared/domain'
import { BadInputError } from '../errors'
import { sameWork } from './imdb/page-header'
import { previewOf, PROGRESS_EVERY, type ParseProgress } from './parse-util'

/**
 * What every parser's result goes through: the same review pasted twice (several pages copied
 * one after another) is kept once, a work every review shares becomes the page's, and a page
 * that declares more reviews than it holds says so.
 */
export function* finishSteps(
  result: ParseResult,
  fileName: string,
): Generator<ParseProgress, ParseResult, void> {
  // Deduplicating 150,000 reviews takes a second: it yields like the parse before it.
  const reviews = yield* dedupe(result)
  const work = result.work ?? sharedWork(reviews)
  for (const review of reviews) {
    if (review.work == null || !sameWork(review.work, work)) continue
    if (work !== null && work.year === null) work.year = review.work.year
    delete review.work
  }
  const incomplete = result.declaredCount !== null && reviews.length < result.declaredCount
  if (incomplete) {
    result.warnings.push({
      line: 1,
      code: 'incomplete',
      message: `The page declares ${result.declaredCount} reviews but the copy holds ${reviews.length}: the rest were not on the page when it was copied (press "Load more" before copying to get them)`,
    })
  }
  const finished = { ...result, work, reviews, incomplete }
  if (reviews.length === 0) throw new BadInputError(noReviewsMessage(finished, fileName))
  return finished
}

function* dedupe(result: ParseResult): Generator<ParseProgress, ParsedReview[], void> {
  const kept = new Map<string, number>()
  const out: ParsedReview[] = []
  let done = 0
  for (const review of result.reviews) {
    if (++done % PROGRESS_EVERY === 0) yield { done, total: result.reviews.length }
    const key = JSON.stringify([review.work?.title, review.title, review.bylineRaw, review.author])
    const index = kept.get(key)
    const earlier = index === undefined ? undefined : out[index]
    if (index === undefined || earlier === undefined || !sameText(earlier, review)) {
      if (index === undefined) kept.set(key, out.length)
      out.push(review)
      continue
    }
    // Keep the complete copy of a review that one of the pasted pages cut off.
    if (earlier.truncated && !review.truncated) out[index] = review
    result.warnings.push({
      line: review.line,
      code: 'duplicate-review',
      message: `The review on line ${review.line} ("${review.title}" by ${review.author}) repeats the one on line ${earlier.line}; kept once`,
    })
  }
  return out
}

/** Identical, or one is the start of the other (a copy cut off mid-review). */
function sameText(a: ParsedReview, b: ParsedReview): boolean {
  if (a.body === b.body) return true
  return (a.truncated && b.body.startsWith(a.body)) || (b.truncated && a.body.startsWith(b.body))
}

function sharedWork(reviews: ParsedReview[]): WorkRef | null {
  const first = reviews[0]?.work
  if (first == null) return null
  return reviews.every((r) => r.work != null && sameWork(r.work, first)) ? first : null
}

function noReviewsMessage(result: ParseResult, fileName: string): string {
  if (!result.format.startsWith('imdb')) {
    const fragment = result.fragments[0]
    const where =
      fragment === undefined
        ? 'no entry with review text'
        : `line ${fragment.line} "${previewOf(fragment.text, 40)}" has no review text`
    return `${fileName}: the ${result.format} dump holds no review that could be read (${where})`
  }
  const declared =
    result.declaredCount === null
      ? 'the page looks like IMDb reviews'
      : `the page declares ${result.declaredCount} review${result.declaredCount === 1 ? '' : 's'}`
  return `${fileName}: ${declared} but none could be read (${whereItFailed(result)})`
}

function whereItFailed(result: ParseResult): string {
  const fragment = result.fragments[0]
  if (fragment === undefined) return 'no review text after the page header'
  const firstLine = fragment.text.split('\n')[0] ?? ''
  const preview = firstLine.length > 40 ? `${firstLine.slice(0, 37)}...` : firstLine
  return `line ${fragment.line} "${preview}" is not followed by a headline and a byline like Name12 March 2006`
}
