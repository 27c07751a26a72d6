import type { Collection } from '../../../shared/channels/collections'
import { BadInputError, NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import type { Command, Planned } from './command'
import { resolveTargets } from './curation-targets'

// Manual collections live in library.json next to the views: a few lists of review ids, small
// enough that rewriting library.json on each edit stays cheap at 100,000 reviews. Every edit,
// reordering included, is one undo step because the order is the user's work (the export order).

function nextId(library: Library): string {
  const used = new Set(library.collections.map((c) => c.id))
  let n = library.collections.length + 1
  while (used.has(`co_${n}`)) n++
  return `co_${n}`
}

export function findCollection(library: Library, id: string): Collection {
  const found = library.collections.find((c) => c.id === id)
  if (!found) throw new NotFoundError(`There is no collection ${id}`)
  return found
}

function refuseDuplicate(library: Library, name: string, except?: string): void {
  const clash = library.collections.find(
    (c) => c.id !== except && c.name.toLowerCase() === name.toLowerCase(),
  )
  if (clash) throw new BadInputError(`There is already a collection named "${clash.name}"`)
}

function existing(library: Library, ids: readonly string[]): string[] {
  const missing = ids.filter((id) => !library.getReview(id))
  if (missing.length > 0)
    throw new NotFoundError(`No review with id ${missing.slice(0, 5).join(', ')}`)
  return [...new Set(ids)]
}

const reviewsWord = (n: number) => (n === 1 ? '1 review' : `${n} reviews`)

/** A patch replacing one collection (or removing it with `next` null); the result reads it back. */
function edit(
  library: Library,
  id: string,
  next: Collection | null,
  label: string,
): Planned<Collection> {
  const collections = library.collections.flatMap((c) => (c.id !== id ? [c] : next ? [next] : []))
  return { patch: { collections }, label, result: (lib) => findCollection(lib, id) }
}

/** No change: no write and no undo step, but the caller still gets the collection. */
const unchanged = (id: string): Planned<Collection> => ({
  patch: {},
  label: '',
  result: (lib) => findCollection(lib, id),
})

export const collectionCommands = {
  'collections:create': {
    kind: 'collections',
    plan: (library, { name, ids }) => {
      const clean = name.trim()
      refuseDuplicate(library, clean)
      const at = library.now().toISOString()
      const created: Collection = {
        id: nextId(library),
        name: clean,
        reviewIds: existing(library, ids ?? []),
        createdAt: at,
        updatedAt: at,
      }
      return {
        patch: { collections: [...library.collections, created] },
        label: `New collection ${clean}`,
        result: (lib) => findCollection(lib, created.id),
      }
    },
  } satisfies Command<'collections:create'>,

  'collections:rename': {
    kind: 'collections',
    plan: (library, { id, name }) => {
      const current = findCollection(library, id)
      const clean = name.trim()
      if (clean === current.name) return unchanged(id)
      refuseDuplicate(library, clean, id)
      const next = { ...current, name: clean, updatedAt: library.now().toISOString() }
      return edit(library, id, next, `Rename collection ${current.name} to ${clean}`)
    },
  } satisfies Command<'collections:rename'>,

  'collections:delete': {
    kind: 'collections',
    plan: (library, { id }) => {
      const current = findCollection(library, id)
      return {
        ...edit(library, id, null, `Delete collection ${current.name}`),
        result: () => ({ deleted: true }),
      }
    },
  } satisfies Command<'collections:delete'>,

  'collections:add': {
    kind: 'collections',
    plan: (library, { id, ids, query }) => {
      const current = findCollection(library, id)
      const have = new Set(current.reviewIds)
      const added = existing(library, resolveTargets(library, { ids, query })).filter(
        (r) => !have.has(r),
      )
      if (added.length === 0) return unchanged(id)
      const next = {
        ...current,
        reviewIds: [...current.reviewIds, ...added],
        updatedAt: library.now().toISOString(),
      }
      return edit(library, id, next, `Add ${reviewsWord(added.length)} to ${current.name}`)
    },
  } satisfies Command<'collections:add'>,

  'collections:remove': {
    kind: 'collections',
    plan: (library, { id, ids, query }) => {
      const current = findCollection(library, id)
      const gone = new Set(resolveTargets(library, { ids, query }))
      const reviewIds = current.reviewIds.filter((r) => !gone.has(r))
      const removed = current.reviewIds.length - reviewIds.length
      if (removed === 0) return unchanged(id)
      const next = { ...current, reviewIds, updatedAt: library.now().toISOString() }
      return edit(library, id, next, `Remove ${reviewsWord(removed)} from ${current.name}`)
    },
  } satisfies Command<'collections:remove'>,

  'collections:move': {
    kind: 'collections',
    plan: (library, { id, reviewId, to }) => {
      const current = findCollection(library, id)
      const from = current.reviewIds.indexOf(reviewId)
      if (from < 0) throw new NotFoundError(`Review ${reviewId} is not in ${current.name}`)
      const reviewIds = current.reviewIds.filter((r) => r !== reviewId)
      const at = Math.min(to, reviewIds.length)
      if (at === from) return unchanged(id)
      reviewIds.splice(at, 0, reviewId)
      const next = { ...current, reviewIds, updatedAt: library.now().toISOString() }
      const title = library.getReview(reviewId)?.title || 'a review'
      return edit(library, id, next, `Move “${title}” to place ${at + 1} in ${current.name}`)
    },
  } satisfies Command<'collections:move'>,
}
