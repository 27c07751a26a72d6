import { ReviewQuery } from '../query'
import { ReviewIds } from './schema-helpers'

/**
 * What a bulk change applies to: listed reviews, or every review a query matches ("select all
 * matching"), which main resolves so the renderer never has to hold 100,000 ids.
 */
export const targetFields = {
  ids: ReviewIds.optional(),
  query: ReviewQuery.optional(),
}

export const hasOneTarget = (req: { ids?: unknown; query?: unknown }): boolean =>
  (req.ids === undefined) !== (req.query === undefined)

export const ONE_TARGET = { message: 'give either ids or query (exactly one)', path: ['ids'] }
