import { z } from 'zod'

export const SORT_FIELDS = [
  'date',
  'rating',
  'myRating',
  'helpful',
  'helpfulRatio',
  'title',
] as const

const Range = z
  .object({
    min: z.number().int().min(1).max(10).optional(),
    max: z.number().int().min(1).max(10).optional(),
  })
  .strict()

/** The filter and sort the list shows; export writes exactly what a query selects. */
export const ReviewQuery = z
  .object({
    text: z.string().max(500).optional(),
    /** Reviews carrying every one of these tags. */
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
    workId: z.string().max(100).optional(),
    rating: Range.optional(),
    myRating: Range.extend({ unrated: z.boolean().optional() }).strict().optional(),
    spoilers: z.enum(['include', 'exclude', 'only']).optional(),
    sort: z
      .object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
  })
  .strict()

export type ReviewQuery = z.infer<typeof ReviewQuery>
export type SortField = (typeof SORT_FIELDS)[number]
