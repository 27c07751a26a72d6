import { shownByline } from '../../../shared/shown-byline'
import type { QueryPage, ReviewRow } from '../../../shared/contract'
import type { Curation, Review } from '../../../shared/domain'
import type { ReviewQuery } from '../../../shared/query'
import type { Library } from '../library/library'
import { searchTerms } from '../../../shared/search-marks'
import { searchEngine } from '../search/engine-registry'
import { snippetOf } from '../search/snippet'

// Queries run on the library's search engine (electron/domain/search): a text index plus typed
// columns, so a page of a full-text query over 100,000 reviews costs milliseconds. A bad typed
// query (`q`) is refused with a BadInputError naming the token and its position.

export interface Match {
  review: Review
  curation: Curation
}

/** Every review the query selects, in the query's order (the library's order when unsorted). */
export function matchReviews(library: Library, query: ReviewQuery): Match[] {
  const engine = searchEngine(library)
  return Array.from(engine.run(query), (o) => {
    const review = engine.review(o)
    return { review, curation: library.getCuration(review.id) }
  })
}

export function toRow(library: Library, { review, curation }: Match): ReviewRow {
  const byline = shownByline(review, curation)
  return {
    id: review.id,
    workId: review.workId,
    workTitle: library.getWork(review.workId)?.title ?? '',
    rating: review.rating,
    myRating: curation.myRating,
    title: review.title,
    author: byline.author,
    date: byline.date,
    helpful: review.helpful,
    spoiler: review.spoiler,
    tags: curation.tags,
    hasNote: curation.note !== null,
    kept: curation.kept,
    reviewed: curation.reviewed,
    hasHighlights: curation.highlights.length > 0,
    bylineCorrected: curation.bylineCorrection !== null,
  }
}

export function queryReviews(
  library: Library,
  query: ReviewQuery,
  offset: number,
  limit: number,
): QueryPage {
  const engine = searchEngine(library)
  const ordinals = engine.run(query)
  const terms = [...searchTerms(query.q), ...searchTerms(query.text)]
  const rows: ReviewRow[] = []
  for (const o of ordinals.subarray(offset, offset + limit)) {
    const review = engine.review(o)
    const row = toRow(library, { review, curation: library.getCuration(review.id) })
    const snippet = snippetOf(review.body, terms)
    rows.push(snippet === null ? row : { ...row, snippet })
  }
  return { total: ordinals.length, offset, rows }
}
