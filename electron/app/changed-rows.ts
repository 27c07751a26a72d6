import type { LibraryChanged, ReviewRow } from '../../shared/contract'
import type { Library } from '../domain/library/library'
import { toRow } from '../domain/queries/query-service'

/**
 * Up to this many changed reviews travel with their rows in `library:changed`: one edit or a
 * hand-picked selection. A larger bulk edit sends only ids, and the list re-reads what it shows.
 */
export const ROWS_WITH_EVENT = 200

/**
 * The event with the changed reviews' rows added, so the list patches them at once instead of
 * asking main for them again (a round trip, and a re-run of its query, per edit). A row does not
 * depend on the query, so one copy serves every list.
 */
export function withChangedRows(
  library: Library,
  change: LibraryChanged,
  limit = ROWS_WITH_EVENT,
): LibraryChanged {
  const ids = change.curationIds
  if (change.reviews || ids.length === 0 || ids.length > limit) return change
  const rows: ReviewRow[] = []
  for (const id of ids) {
    const review = library.getReview(id)
    // A review gone since (a later commit of the same request): the list re-reads instead.
    if (!review) return change
    rows.push(toRow(library, { review, curation: library.getCuration(id) }))
  }
  return { ...change, rows }
}
