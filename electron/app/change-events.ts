import type { LibraryChanged } from '../../shared/contract'
import type { LibraryChange } from '../domain/library/library'

/** Something that reports its commits (the Library, or a fake in a test). */
export interface ChangeSource {
  observe(observer: (change: LibraryChange) => void): () => void
}

/**
 * Gathers what the library commits while one request runs, so the window gets one
 * `library:changed` per request however many files it wrote. The library notifies only after a
 * write is on disk, so the event never announces an uncommitted change.
 */
export function collectChanges(source: ChangeSource): { stop(): LibraryChanged | null } {
  let seen = false
  const change = { reviews: false, meta: false }
  // Each commit's ids, merged only at the end: most requests commit once, and a select-all edit
  // names 100,000 ids that are then passed on as they are.
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
      const ids = curationIds.length === 1 ? [...curationIds[0]!] : [...new Set(curationIds.flat())]
      return { reviews: change.reviews, curationIds: ids, meta: change.meta }
    },
  }
}
