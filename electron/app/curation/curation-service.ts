import type { Curation, Tag } from '../../../shared/domain'
import { BadInputError, NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'

// Every curation change goes through `changeCuration`: it checks the ids, computes the new curation of each
// review, and writes only the reviews that really changed.

export const PALETTE = [
  '#d1495b',
  '#edae49',
  '#00798c',
  '#30638e',
  '#66a182',
  '#8d5a97',
  '#e07a5f',
  '#3d405b',
]

function assertKnown(library: Library, ids: string[]): void {
  const unknown = ids.filter((id) => !library.getReview(id))
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ')
    throw new NotFoundError(
      `No review with id ${shown}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
    )
  }
}

export async function changeCuration(
  library: Library,
  ids: string[],
  update: (current: Curation) => Curation,
  label: string,
): Promise<{ changed: number }> {
  assertKnown(library, ids)
  const before = new Map<string, Curation>()
  const after = new Map<string, Curation>()
  const updatedAt = library.now().toISOString()
  for (const id of new Set(ids)) {
    const current = library.getCuration(id)
    const next = update(current)
    if (
      JSON.stringify({ ...next, updatedAt: '' }) !== JSON.stringify({ ...current, updatedAt: '' })
    ) {
      before.set(id, current)
      after.set(id, { ...next, updatedAt })
    }
  }
  if (after.size === 0) return { changed: 0 }
  await library.saveCuration(after)
  library.history.record({
    label,
    kind: 'curation',
    undo: () => library.saveCuration(before),
    redo: () => library.saveCuration(after),
  })
  return { changed: after.size }
}

const reviewsLabel = (ids: string[]): string =>
  new Set(ids).size === 1 ? 'review' : `${new Set(ids).size} reviews`

export function normaliseTag(name: string): string {
  const tag = name.trim().replace(/\s+/g, ' ')
  if (!tag) throw new BadInputError('A tag needs a name')
  if (tag.length > 100)
    throw new BadInputError(`Tag "${tag.slice(0, 20)}…" is longer than 100 characters`)
  return tag
}

/** Tags match case-insensitively, and keep the spelling they were first created with. */
function canonicalTags(library: Library, names: string[]): { tags: string[]; created: Tag[] } {
  const known = new Map(library.tags.map((t) => [t.name.toLowerCase(), t.name]))
  const created: Tag[] = []
  const tags = names.map(normaliseTag).map((name) => {
    const existing = known.get(name.toLowerCase())
    if (existing) return existing
    known.set(name.toLowerCase(), name)
    created.push({ name, color: PALETTE[(library.tags.length + created.length) % PALETTE.length]! })
    return name
  })
  return { tags: [...new Set(tags)], created }
}

/** The canonical spelling of each name, creating (with a colour) the tags not known yet. */
export async function ensureTags(library: Library, names: string[]): Promise<string[]> {
  const { tags, created } = canonicalTags(library, names)
  if (created.length > 0) await library.saveMeta((meta) => void meta.tags.push(...created))
  return tags
}

export async function addTags(
  library: Library,
  ids: string[],
  names: string[],
): Promise<{ changed: number }> {
  assertKnown(library, ids)
  const tags = await ensureTags(library, names)
  return changeCuration(
    library,
    ids,
    (c) => ({ ...c, tags: [...new Set([...c.tags, ...tags])] }),
    `Tag ${reviewsLabel(ids)} ${tags.join(', ')}`,
  )
}

export async function removeTags(
  library: Library,
  ids: string[],
  names: string[],
): Promise<{ changed: number }> {
  const drop = new Set(names.map((n) => normaliseTag(n).toLowerCase()))
  return changeCuration(
    library,
    ids,
    (c) => ({ ...c, tags: c.tags.filter((t) => !drop.has(t.toLowerCase())) }),
    `Untag ${reviewsLabel(ids)} ${names.join(', ')}`,
  )
}

export async function setMyRating(
  library: Library,
  ids: string[],
  rating: number | null,
): Promise<{ changed: number }> {
  if (rating !== null && !(Number.isInteger(rating) && rating >= 1 && rating <= 10)) {
    throw new BadInputError(`My rating must be a whole number from 1 to 10, or none; got ${rating}`)
  }
  return changeCuration(
    library,
    ids,
    (c) => ({ ...c, myRating: rating }),
    rating === null
      ? `Clear my rating of ${reviewsLabel(ids)}`
      : `Rate ${reviewsLabel(ids)} ${rating}/10`,
  )
}

export async function setNote(
  library: Library,
  id: string,
  note: string | null,
): Promise<Curation> {
  const text = note?.replace(/\r\n?/g, '\n').trim() || null
  await changeCuration(
    library,
    [id],
    (c) => ({ ...c, note: text }),
    text ? 'Edit note' : 'Clear note',
  )
  return library.getCuration(id)
}
