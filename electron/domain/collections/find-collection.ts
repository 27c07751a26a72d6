import type { Collection } from '../../../shared/channels/collections'

/** A collection by id or by name (any case): what `collection:NAME` and `--collection` take. */
export function findCollectionByRef(
  collections: readonly Collection[],
  ref: string,
): Collection | undefined {
  const wanted = ref.trim().toLowerCase()
  return (
    collections.find((c) => c.id === ref) ??
    collections.find((c) => c.name.toLowerCase() === wanted)
  )
}

/** Names the collections, for an error about one that was not found. */
export function collectionNames(collections: readonly Collection[]): string {
  return collections.length === 0
    ? 'there are no collections yet'
    : `the collections are ${collections.map((c) => `"${c.name}"`).join(', ')}`
}
