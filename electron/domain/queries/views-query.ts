import type { SavedViewSummary } from '../../../shared/channels/views'
import type { Library } from '../library/library'
import { queryReviews } from './query-service'

/** The saved views with how many reviews each matches now. */
export function listViews(library: Library): SavedViewSummary[] {
  return library.views.map((view) => {
    try {
      return { ...view, count: queryReviews(library, view.query, 0, 1).total }
    } catch {
      // A view saved with a query a later version refuses still shows, with no matches.
      return { ...view, count: 0 }
    }
  })
}
