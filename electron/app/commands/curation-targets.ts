import type { ReviewQuery } from '../../../shared/query'
import { BadInputError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { searchEngine } from '../../domain/search/engine-registry'

export interface Targets {
  ids?: string[]
  query?: ReviewQuery
}

/** The review ids a bulk request means: the listed ones, or every match of the query, in order. */
export function resolveTargets(library: Library, targets: Targets): string[] {
  if (targets.ids && targets.query) throw new BadInputError('Give either ids or a query, not both')
  if (targets.ids) return targets.ids
  if (targets.query) return matchIds(library, targets.query)
  throw new BadInputError('Give the reviews to change: ids or a query')
}

/** The ids of every review the query matches, in its order, without building row objects. */
export function matchIds(library: Library, query: ReviewQuery): string[] {
  const engine = searchEngine(library)
  return Array.from(engine.run(query), (o) => engine.review(o).id)
}
