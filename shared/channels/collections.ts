import { z } from 'zod'
import type { CollectionRecord } from '../records/library'
import { Empty, res, ReviewId } from './schema-helpers'
import { ONE_TARGET, hasOneTarget, targetFields } from './targets'

/** A manual collection: reviews in the user's order, which is also its export order. */
export type Collection = CollectionRecord

export interface CollectionSummary extends Collection {
  /** Reviews of the collection still in the library (undoing an import can remove some). */
  count: number
}

const CollectionName = z
  .string()
  .trim()
  .min(1, 'a collection needs a name')
  .max(100, 'a collection name is at most 100 characters')
export const CollectionId = z
  .string()
  .regex(/^co_[0-9a-z]{1,24}$/, 'expected a collection id like co_1')

export const collectionChannels = {
  'collections:list': { req: Empty, res: res<CollectionSummary[]>() },
  /** A new collection, optionally holding reviews already (in the order given). */
  'collections:create': {
    req: z
      .object({ name: CollectionName, ids: z.array(ReviewId).max(100_000).optional() })
      .strict(),
    res: res<Collection>(),
  },
  'collections:rename': {
    req: z.object({ id: CollectionId, name: CollectionName }).strict(),
    res: res<Collection>(),
  },
  'collections:delete': {
    req: z.object({ id: CollectionId }).strict(),
    res: res<{ deleted: boolean }>(),
  },
  /** Appends the reviews not yet in it, in the order given (or the query's order). */
  'collections:add': {
    req: z
      .object({ id: CollectionId, ...targetFields })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<Collection>(),
  },
  'collections:remove': {
    req: z
      .object({ id: CollectionId, ...targetFields })
      .strict()
      .refine(hasOneTarget, ONE_TARGET),
    res: res<Collection>(),
  },
  /** Moves one review to position `to` (0-based, clamped to the collection's length). */
  'collections:move': {
    req: z.object({ id: CollectionId, reviewId: ReviewId, to: z.number().int().min(0) }).strict(),
    res: res<Collection>(),
  },
} as const
