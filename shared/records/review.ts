import { z } from 'zod'

// One schema per stored record kind: the types are inferred from them, and the library checks
// every record it reads against them, so a wrong-typed field is found and named on open instead
// of failing later in whatever code first touches it.

export const WorkRecord = z.object({
  id: z.string().min(1),
  title: z.string(),
  year: z.number().int().nullable(),
})
export type WorkRecord = z.infer<typeof WorkRecord>

export const HelpfulRecord = z.object({
  yes: z.number().int().nonnegative(),
  total: z.number().int().nonnegative(),
})

export const BylineSplitRecord = z.object({ author: z.string(), date: z.string() })

/** A review as stored in reviews/<work>.json. */
export const ReviewRecord = z.object({
  id: z.string().min(1),
  workId: z.string(),
  importId: z.string(),
  importedAt: z.string(),
  rating: z.number().min(0).max(10).nullable(),
  title: z.string(),
  author: z.string(),
  date: z.string().nullable(),
  bylineRaw: z.string(),
  bylineAmbiguous: z.boolean(),
  bylineAlternatives: z.array(BylineSplitRecord),
  spoiler: z.boolean(),
  helpful: HelpfulRecord.nullable(),
  body: z.string(),
  truncated: z.boolean(),
})
export type ReviewRecord = z.infer<typeof ReviewRecord>

/** reviews/<work>.json: the file's frame; each review is checked on its own (see ReviewRecord). */
export const ReviewsFileFrame = z.object({
  schemaVersion: z.number().int(),
  work: WorkRecord,
  reviews: z.array(z.unknown()),
})
