import { z } from 'zod'
import type { Curation } from '../domain'
import { Rating, res, ReviewId, ReviewIds, TagName } from './schema-helpers'

export const curationChannels = {
  'curation:tag': {
    req: z.object({ ids: ReviewIds, tags: z.array(TagName).min(1).max(50) }).strict(),
    res: res<{ changed: number }>(),
  },
  'curation:untag': {
    req: z.object({ ids: ReviewIds, tags: z.array(TagName).min(1).max(50) }).strict(),
    res: res<{ changed: number }>(),
  },
  'curation:rate': {
    req: z.object({ ids: ReviewIds, rating: Rating.nullable() }).strict(),
    res: res<{ changed: number }>(),
  },
  'curation:note': {
    req: z.object({ id: ReviewId, note: z.string().max(100_000).nullable() }).strict(),
    res: res<Curation>(),
  },
} as const
