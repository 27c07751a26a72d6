import type { CollectionSummary } from '../../../shared/channels/collections'
import type { Library } from '../library/library'

/**
 * The collections with how many of their reviews the library still holds. Ids of reviews that
 * left (their import undone) stay stored, so redoing the import brings them back in place; every
 * read skips them.
 */
export function listCollections(library: Library): CollectionSummary[] {
  return library.collections.map((c) => ({
    ...c,
    count: c.reviewIds.filter((id) => library.getReview(id) !== undefined).length,
  }))
}
