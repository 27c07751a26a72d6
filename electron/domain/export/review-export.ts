import type { Curation, Helpful, Review, WorkRef } from '../../../shared/domain'
import type { ReviewQuery } from '../../../shared/query'
import type { Library } from '../library/library'
import { matchReviews } from '../queries/query-service'

/** One review with its curation, as the CLI's `reviews --json` prints it. */
export interface ExportedReview {
  id: string
  work: WorkRef
  rating: number | null
  title: string
  author: string
  date: string | null
  bylineRaw: string
  bylineAmbiguous: boolean
  spoiler: boolean
  helpful: Helpful | null
  body: string
  truncated: boolean
  curation: { tags: string[]; note: string | null; myRating: number | null }
}

export function toExported(library: Library, review: Review, curation: Curation): ExportedReview {
  const work = library.getWork(review.workId)
  return {
    id: review.id,
    work: { title: work?.title ?? '', year: work?.year ?? null },
    rating: review.rating,
    title: review.title,
    author: review.author,
    date: review.date,
    bylineRaw: review.bylineRaw,
    bylineAmbiguous: review.bylineAmbiguous,
    spoiler: review.spoiler,
    helpful: review.helpful,
    body: review.body,
    truncated: review.truncated,
    curation: { tags: curation.tags, note: curation.note, myRating: curation.myRating },
  }
}

/** Every review the query selects, in the shape above. */
export function selectForExport(library: Library, query: ReviewQuery): ExportedReview[] {
  return matchReviews(library, query).map((m) => toExported(library, m.review, m.curation))
}
