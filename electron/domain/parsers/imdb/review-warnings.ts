import type { ImportWarning, ParsedReview } from '../../../../shared/domain'

/** What the user should check about one review: guesses and gaps, with the line to look at. */
export function reviewWarnings(review: ParsedReview, bylineLine: number): ImportWarning[] {
  const which = `"${review.title}" by ${review.author || 'an unnamed reviewer'}`
  const out: ImportWarning[] = []
  if (review.rating === null) {
    out.push({
      line: review.line,
      code: 'missing-rating',
      message: `Review ${which} has no rating line; rating left empty`,
    })
  }
  if (review.bylineAmbiguous) {
    const readings = review.bylineAlternatives
      .map((alt, k) => `${alt.author} on ${alt.date}${k === 0 ? ' (chosen)' : ''}`)
      .join(', ')
    out.push({
      line: bylineLine,
      code: 'ambiguous-byline',
      message: `Byline "${review.bylineRaw}" can be read as: ${readings}`,
    })
  }
  if (review.truncated) {
    out.push({
      line: review.line,
      code: 'truncated-review',
      message: `Review ${which} ends without its "found this helpful" line: the copy seems cut off here`,
    })
  }
  return out
}
