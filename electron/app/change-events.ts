import type { LibraryChanged } from '../../shared/contract'
import type { LibraryChange } from '../domain/library/library'

/** Something that reports its commits (the Library, or a fake in a test). */
export interface ChangeSource {
  observe(observer: (change: LibraryChange) => void): () => void
}

/**
 * Past this many reviews, `library:changed` says how many changed instead of naming them. A
 * select-all edit of 100,000 reviews named them all: 2 MB to serialise, send and scan id by id,
 * seconds on a busy machine, when the window shows a few dozen rows it re-reads in one request.
 */
export const IDS_WITH_EVENT = 1000

/**
 * Gathers what the library commits while one request runs, so the window gets one
 * `library:changed` per request however many files it wrote. The library notifies only after a
 * write is on disk, so the event never announces an uncommitted change.
 */
export function collectChanges(
  source: ChangeSource,
  limit = IDS_WITH_EVENT,
): { stop(): LibraryChanged | null } {
  let seen = false
  const change = { reviews: false, meta: false }
  // Each commit's ids, merged only at the end: most requests commit once, and a select-all edit
  // names 100,000 ids that are then only counted.
  const curationIds: (readonly string[])[] = []
  const unsubscribe = source.observe((c) => {
    if (c.kind === 'closed') return
    seen = true
    if (c.kind === 'reviews') change.reviews = true
    else if (c.kind === 'meta') change.meta = true
    else if (c.ids.length > 0) curationIds.push(c.ids)
  })
  return {
    stop() {
      unsubscribe()
      if (!seen) return null
      const ids = curationIds.length === 1 ? curationIds[0]! : [...new Set(curationIds.flat())]
      const { reviews, meta } = change
      if (ids.length > limit) return { reviews, curationIds: [], manyCurations: ids.length, meta }
      return { reviews, curationIds: [...ids], meta }
    },
  }
}
