import type { Curation, Helpful, Review, WorkRef } from '../../../shared/domain'
import type { Library } from '../library/library'

/** One review with its curation, as the CLI prints it and the JSON export writes it. */
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
