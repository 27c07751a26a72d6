import { z } from 'zod'

/** Marks a response type without a runtime schema: main produces it, so it is trusted. */
export const res = <T>() => undefined as unknown as T

export const ReviewId = z
  .string()
  .regex(/^rv_[0-9a-f]{16}$/, 'expected a review id like rv_0123456789abcdef')
export const ReviewIds = z.array(ReviewId).min(1).max(100_000)
export const TagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(100, 'a tag name is at most 100 characters')
const RATING_RANGE = 'must be a whole number from 1 to 10'
/** A rating out of 10: the one place its range is checked, for the window and the CLI alike. */
export const Rating = z.number().int(RATING_RANGE).min(1, RATING_RANGE).max(10, RATING_RANGE)
export const Empty = z.object({}).strict()
