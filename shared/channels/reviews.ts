import { z } from 'zod'
import type { Curation, Helpful, Review, Work } from '../domain'
import { ReviewQuery } from '../query'
import { res, ReviewId } from './schema-helpers'

export interface ReviewRow {
  id: string
  workId: string
  workTitle: string
  rating: number | null
  myRating: number | null
  title: string
  author: string
  date: string | null
  helpful: Helpful | null
  spoiler: boolean
  tags: string[]
  hasNote: boolean
  /** The keep star. */
  kept: boolean
  reviewed: boolean
  hasHighlights: boolean
  /** author/date above come from the user's byline correction, not the parser. */
  bylineCorrected: boolean
  /** Under a text search: the passage of the body around the first match (none in the body: absent). */
  snippet?: string
}

export interface ReviewDetail {
  review: Review
  work: Work
  curation: Curation
}

export interface QueryPage {
  total: number
  offset: number
  rows: ReviewRow[]
}

export const reviewChannels = {
  'reviews:query': {
    req: z
      .object({
        query: ReviewQuery,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    res: res<QueryPage>(),
  },
  'reviews:get': { req: z.object({ id: ReviewId }).strict(), res: res<ReviewDetail>() },
} as const
