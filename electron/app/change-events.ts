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
  const change = { reviews: false, curationIds: new Set<string>(), meta: false }
  const unsubscribe = source.observe((c) => {
    if (c.kind === 'closed') return
    seen = true
    if (c.kind === 'reviews') change.reviews = true
    else if (c.kind === 'meta') change.meta = true
    else for (const id of c.ids) change.curationIds.add(id)
  })
  return {
    stop() {
      unsubscribe()
      if (!seen) return null
      return { reviews: change.reviews, curationIds: [...change.curationIds], meta: change.meta }
    },
  }
}
