import { z } from 'zod'
import { ReviewQuery } from '../query'
import { res } from './schema-helpers'

export interface RatingBucket {
  /** 1–10. */
  rating: number
  original: number
  mine: number
}

export interface PeriodCount {
  /** `YYYY` or `YYYY-MM`, depending on how long the matches span. */
  period: string
  count: number
  averageRating: number | null
}

export interface TagStat {
  tag: string
  color: string
  count: number
  averageRating: number | null
}

export interface Disagreement {
  id: string
  title: string
  author: string
  rating: number
  myRating: number
  /** myRating − rating. */
  difference: number
}

export interface Insights {
  total: number
  rated: number
  myRated: number
  averageRating: number | null
  averageMyRating: number | null
  ratings: RatingBucket[]
  overTime: PeriodCount[]
  periodUnit: 'year' | 'month'
  tags: TagStat[]
  disagreements: Disagreement[]
}

export const insightChannels = {
  'insights:get': { req: z.object({ query: ReviewQuery }).strict(), res: res<Insights>() },
} as const
