import { z } from 'zod'
import { Rating } from '../channels/schema-helpers'
import { BylineSplitRecord } from './review'

export const HighlightRecord = z.object({
  id: z.string(),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  tag: z.string().nullable(),
  comment: z.string().nullable(),
  createdAt: z.string(),
})
export type HighlightRecord = z.infer<typeof HighlightRecord>

/**
 * What the user added to one review, as stored in curation/<xx>.json. Fields added after the first
 * release may be missing in older files; reading fills in their empty values.
 */
export const CurationRecord = z.object({
  tags: z.array(z.string()),
  note: z.string().nullable(),
  myRating: Rating.nullable(),
  kept: z.boolean().optional(),
  /** Read through and done with: the curator's working state, separate from the keep star. */
  reviewed: z.boolean().optional(),
  highlights: z.array(HighlightRecord).optional(),
  bylineCorrection: BylineSplitRecord.nullable().optional(),
  updatedAt: z.string().optional(),
})
export type CurationRecord = z.infer<typeof CurationRecord>

/**
 * A review's curation with every field present: what the app holds in memory, what an export
 * writes and what a restore accepts. The published JSON Schema's `curation` is generated from it
 * (scripts/build-export-schema.ts), so a new curation field is added here and nowhere else.
 */
export const CompleteCuration = CurationRecord.required()
export type CompleteCuration = z.infer<typeof CompleteCuration>

/** curation/<xx>.json: the frame; each item is checked on its own (see CurationRecord). */
export const CurationFileFrame = z.object({
  schemaVersion: z.number().int(),
  items: z.record(z.string(), z.unknown()),
})
