import { z } from 'zod'
import { ReviewQuery } from '../query'
import { Empty, res } from './schema-helpers'

/** A named query and sort, kept in library.json and shown in the sidebar. */
export interface SavedView {
  id: string
  name: string
  query: ReviewQuery
  createdAt: string
}

export interface SavedViewSummary extends SavedView {
  /** How many reviews match now; recomputed on every list, so views update live. */
  count: number
}

const ViewName = z
  .string()
  .trim()
  .min(1, 'a view needs a name')
  .max(100, 'a view name is at most 100 characters')
const ViewId = z.string().regex(/^vw_[0-9a-z]{1,24}$/, 'expected a view id like vw_1')

export const viewChannels = {
  'views:list': { req: Empty, res: res<SavedViewSummary[]>() },
  /** Saves the query under the name; a view of the same name is replaced. */
  'views:save': {
    req: z.object({ name: ViewName, query: ReviewQuery }).strict(),
    res: res<SavedView>(),
  },
  'views:rename': {
    req: z.object({ id: ViewId, name: ViewName }).strict(),
    res: res<SavedView>(),
  },
  'views:delete': { req: z.object({ id: ViewId }).strict(), res: res<{ deleted: boolean }>() },
} as const
