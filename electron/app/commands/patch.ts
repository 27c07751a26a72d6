import type { Collection } from '../../../shared/channels/collections'
import type { SavedView } from '../../../shared/channels/views'
import type { Curation, Tag } from '../../../shared/domain'
import type { Library } from '../../domain/library/library'

/**
 * The new values a command writes: curation per review id, and the whole tag or view list of
 * library.json. A patch is also its own undo format: the inverse is the same fields as they were.
 */
export interface Patch {
  curation?: Map<string, Curation>
  tags?: Tag[]
  views?: SavedView[]
  collections?: Collection[]
}

export const isEmptyPatch = (p: Patch): boolean =>
  (p.curation?.size ?? 0) === 0 &&
  p.tags === undefined &&
  p.views === undefined &&
  p.collections === undefined

/** What the library holds now for every field the patch would write. */
export function inverseOf(library: Library, patch: Patch): Patch {
  const inverse: Patch = {}
  if (patch.curation) {
    inverse.curation = new Map()
    for (const id of patch.curation.keys()) inverse.curation.set(id, library.storedCuration(id))
  }
  if (patch.tags) inverse.tags = library.tags.map((t) => ({ ...t }))
  if (patch.views) inverse.views = library.views.map((v) => ({ ...v }))
  if (patch.collections) inverse.collections = structuredClone([...library.collections])
  return inverse
}

/** Writes a patch as one commit: library.json and the curation shards together, or neither. */
export async function commitPatch(library: Library, patch: Patch, label: string): Promise<void> {
  const { tags, views, collections } = patch
  await library.commit({
    label,
    curation: patch.curation,
    meta:
      tags || views || collections
        ? (meta) => {
            if (tags) meta.tags = tags.map((t) => ({ ...t }))
            if (views) meta.views = views.map((v) => ({ ...v }))
            if (collections) meta.collections = structuredClone(collections)
          }
        : undefined,
  })
}

/**
 * Whether two curations hold the same values (updatedAt aside). Field by field, so a bulk edit of
 * 100,000 reviews does not serialise each review's curation twice to find out.
 */
function sameCuration(a: Curation, b: Curation): boolean {
  for (const key of new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof Curation>) {
    if (key === 'updatedAt' || a[key] === b[key]) continue
    if (typeof a[key] !== 'object' || typeof b[key] !== 'object') return false
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) return false
  }
  return true
}

/**
 * Freezes a curation value given to many reviews, and its lists, so that changing one review's
 * in place (a bug) throws rather than changes them all. Once per value: cheap.
 */
export function frozen(c: Curation): Curation {
  if (!Object.isFrozen(c)) {
    Object.freeze(c.tags)
    Object.freeze(c.highlights)
    Object.freeze(c)
  }
  return c
}

/**
 * The curation of each review after `update`, for the reviews it really changes: an edit that
 * changes nothing writes nothing and leaves no undo step. `update` must depend on its argument
 * alone: reviews that hold the same stored object (every review without curation holds the one
 * empty value) get one shared new object, planned once. Select all + tag then makes one value
 * instead of 100,000, and the log writes it once (see appendToLog in library.ts). Curation
 * objects are never changed in place, so sharing them is safe.
 */
export function curationChanges(
  library: Library,
  ids: Iterable<string>,
  update: (current: Readonly<Curation>) => Curation,
): Map<string, Curation> {
  const out = new Map<string, Curation>()
  const planned = new Map<Readonly<Curation>, Curation | null>()
  // An id listed twice gets the same value twice: no need to remove duplicates first.
  for (const id of ids) {
    // The stored value, not a copy: `update` returns a new object and changes nothing in place.
    const current = library.storedCuration(id)
    let next = planned.get(current)
    if (next === undefined) {
      const updated = update(current)
      next = sameCuration(current, updated) ? null : updated
      planned.set(current, next)
    } else if (next !== null) frozen(next)
    if (next !== null) out.set(id, next)
  }
  return out
}
