import type { Curation } from '../../../shared/domain'
import { anchorQuote } from '../../../shared/highlight-anchor'
import { NotFoundError } from '../errors'
import type { Library } from '../library/library'

/** The curation as the reader shows it: highlights re-anchored on the current text. */
export function anchoredCuration(library: Library, id: string): Curation {
  const review = library.getReview(id)
  if (!review) throw new NotFoundError(`No review with id ${id}`)
  const curation = library.getCuration(id)
  return {
    ...curation,
    highlights: curation.highlights.map((h) => {
      const anchor = anchorQuote(review.body, h.quote, h.start, h.end)
      // -1 marks a passage that is no longer in the text; the quote itself is kept.
      return anchor ? { ...h, ...anchor } : { ...h, start: -1, end: -1 }
    }),
  }
}
