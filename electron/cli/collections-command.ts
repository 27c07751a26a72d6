import type { Library } from '../domain/library/library'
import { listCollections } from '../domain/queries/collections-query'

export const COLLECTIONS_USAGE = `  collections                    list the collections: id, reviews, name (--json: with their
                                 review ids in order)`

/** `review-curator collections`: what `export --collection NAME` can take. */
export function runCollectionsCommand(
  library: Library,
  json: boolean,
  out: (text: string) => void,
): void {
  const collections = listCollections(library)
  if (json) return out(`${JSON.stringify(collections, null, 2)}\n`)
  if (collections.length === 0) return out('The library has no collections.\n')
  for (const c of collections) out(`${c.id}\t${c.count}\t${c.name}\n`)
}
