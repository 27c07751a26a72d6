import { z } from 'zod'
import type { Curation } from '../domain'
import { Rating, res, ReviewId, TagName } from './schema-helpers'
import { hasOneTarget, ONE_TARGET, targetFields } from './targets'

const Tags = z.array(TagName).min(1).max(50)
const IsoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date like 2006-03-11')
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'is not a calendar date')

export const curationChannels = {
  'curation:tag': {
    req: z
      .object({ ...targetFields, tags: Tags })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number }>(),
  },
  'curation:untag': {
    req: z
      .object({ ...targetFields, tags: Tags })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number }>(),
  },
  /** Adds the tag to every target, or removes it when every target already has it (keys 1–9). */
  'curation:toggle-tag': {
    req: z
      .object({ ...targetFields, tag: TagName })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number; added: boolean }>(),
  },
  'curation:rate': {
    req: z
      .object({ ...targetFields, rating: Rating.nullable() })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number }>(),
  },
  'curation:keep': {
    req: z
      .object({ ...targetFields, kept: z.boolean() })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number }>(),
  },
  'curation:reviewed': {
    req: z
      .object({ ...targetFields, reviewed: z.boolean() })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<{ changed: number }>(),
  },
  'curation:note': {
    req: z.object({ id: ReviewId, note: z.string().max(100_000).nullable() }).strict(),
    res: res<Curation>(),
  },
  'curation:highlight-add': {
    req: z
      .object({
        id: ReviewId,
        start: z.number().int().min(0),
        end: z.number().int().min(1),
        quote: z.string().min(1).max(20_000),
        tag: TagName.nullable().optional(),
        comment: z.string().max(10_000).nullable().optional(),
      })
      .strict(),
    res: res<Curation>(),
  },
  'curation:highlight-remove': {
    req: z.object({ id: ReviewId, highlightId: z.string().min(1).max(100) }).strict(),
    res: res<Curation>(),
  },
  /** Picks the author/date split of an ambiguous byline; null goes back to the parser's. */
  'curation:byline': {
    req: z
      .object({
        id: ReviewId,
        correction: z
          .object({ author: z.string().trim().min(1).max(200), date: IsoDate })
          .strict()
          .nullable(),
      })
      .strict(),
    res: res<Curation>(),
  },
} as const
