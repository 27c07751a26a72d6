import { z } from 'zod'
import { Rating } from './channels/schema-helpers'
import { isCalendarDay } from './date-period'

export const SORT_FIELDS = [
  'date',
  'rating',
  'myRating',
  /** My rating minus the original rating. */
  'ratingDiff',
  /** Helpful votes. */
  'helpful',
  'helpfulRatio',
  /** Length of the review body. */
  'length',
  'title',
] as const

const Range = z
  .object({
    min: Rating.optional(),
    max: Rating.optional(),
  })
  .strict()

const Day = z.string().refine(isCalendarDay, 'expected a calendar day YYYY-MM-DD')

/** Inclusive days, as a period of the insights' over-time chart selects them. */
const Dates = z
  .object({ from: Day, to: Day })
  .strict()
  .refine((d) => d.from <= d.to, { message: '"from" must not be after "to"', path: ['to'] })

/** The filter and sort the list shows; export writes exactly what a query selects. */
export const ReviewQuery = z
  .object({
    /** The typed query (see query-language.ts); combined with the fields below by AND. */
    q: z.string().max(2000).optional(),
    text: z.string().max(500).optional(),
    /** Reviews carrying every one of these tags. */
    tags: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** Reviews carrying none of these tags. */
    excludeTags: z.array(z.string().min(1).max(100)).max(50).optional(),
    /** Only reviews marked (true) or not marked (false) with the keep star. */
    kept: z.boolean().optional(),
    /** Only reviews marked (true) or not marked (false) as reviewed. */
    reviewed: z.boolean().optional(),
    workId: z.string().max(100).optional(),
    /**
     * The reviews of one manual collection (its id). Unsorted, the list is in the collection's
     * order; an id no collection has matches nothing.
     */
    collection: z.string().max(100).optional(),
    rating: Range.optional(),
    myRating: Range.extend({ unrated: z.boolean().optional() }).strict().optional(),
    /** Reviews whose shown date falls within these days; undated reviews are left out. */
    dates: Dates.optional(),
    spoilers: z.enum(['include', 'exclude', 'only']).optional(),
    sort: z
      .object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional(),
  })
  .strict()

export type ReviewQuery = z.infer<typeof ReviewQuery>
export type SortField = (typeof SORT_FIELDS)[number]
