import type { BylineSplit } from './domain'

/**
 * Author and date as the user sees them: a byline the user corrected wins over the parser's
 * split everywhere a byline is shown, sorted, filtered or exported. The one place that rule lives.
 */
export function shownByline(
  review: { author: string; date: string | null },
  curation: { bylineCorrection: BylineSplit | null } | undefined,
): { author: string; date: string | null } {
  return curation?.bylineCorrection ?? { author: review.author, date: review.date }
}
