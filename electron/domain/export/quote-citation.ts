import { shownByline } from '../../../shared/shown-byline'
import { BadInputError, NotFoundError } from '../errors'
import type { Library } from '../library/library'
import { humanDate } from './human-date'

// What a critic pastes into an article: the passage in quotation marks and who said it, where
// and when, e.g. “Gritty and unforgettable.” — UlrikSander, IMDb user review, 11 March 2006 (8/10).

function sourceOf(library: Library, importId: string): string {
  const record = library.imports.find((i) => i.id === importId)
  return record?.format.startsWith('imdb-') ? 'IMDb user review' : 'user review'
}

/** Collapses the passage's line breaks and spacing, so it pastes as one run of prose. */
const prose = (text: string) => text.replace(/\s+/g, ' ').trim()

/**
 * The review's highlight (the one asked for, else the first) with its attribution, as one line
 * for the clipboard. A review without a highlight is refused with what to do instead.
 */
export function citeQuote(
  library: Library,
  id: string,
  highlightId: string | undefined,
  locale: string,
): string {
  const review = library.getReview(id)
  if (!review) throw new NotFoundError(`No review with id ${id}`)
  const curation = library.getCuration(id)
  const highlight = highlightId
    ? curation.highlights.find((h) => h.id === highlightId)
    : curation.highlights[0]
  if (highlightId && !highlight) {
    throw new NotFoundError(`Review ${id} has no highlight with id ${highlightId}`)
  }
  if (!highlight) {
    throw new BadInputError(
      `“${review.title || 'This review'}” has no highlight to copy: select a passage and save it as a highlight first`,
    )
  }
  const words = prose(highlight.quote)
  const { author, date } = shownByline(review, curation)
  const parts = [author || 'anonymous', sourceOf(library, review.importId)]
  if (date) parts.push(humanDate(date, locale))
  const rated = review.rating === null ? '' : ` (${review.rating}/10)`
  return `“${words}” — ${parts.join(', ')}${rated}`
}
