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
export const Rating = z.number().int().min(1).max(10)
export const Empty = z.object({}).strict()
