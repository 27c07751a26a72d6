import type { TagChange } from '../../../shared/channels/tags'
import type { Curation, Tag } from '../../../shared/domain'
import { BadInputError, NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { normaliseTag, PALETTE } from './curation-service'

// Library-wide tag changes (rename, recolour, merge, delete). Each may touch thousands of reviews
// and library.json at once, and is recorded as ONE undo step holding both sides of both.

const lower = (s: string) => s.toLowerCase()

function findTag(library: Library, name: string): Tag {
  const tag = library.tags.find((t) => lower(t.name) === lower(normaliseTag(name)))
  if (!tag) throw new NotFoundError(`There is no tag "${name}"`)
  return tag
}

/** `theme` covers `theme` and `theme/…`: the hierarchy is spelled with `/`. */
const isUnder = (tag: string, parent: string) =>
  lower(tag) === lower(parent) || lower(tag).startsWith(`${lower(parent)}/`)

function validName(name: string): string {
  const tag = normaliseTag(name)
  if (/^\/|\/$|\/\//.test(tag)) {
    throw new BadInputError(
      `Tag "${tag}": a "/" separates levels, so it cannot start, end or repeat`,
    )
  }
  return tag
}

interface TagEdit {
  label: string
  /** New tag list for library.json. */
  tags: Tag[]
  /** New tags of one review's curation, or null when that review is untouched. */
  retag: (tags: string[]) => string[] | null
}

/** The curation with its tags and its highlights' tags edited, or null when nothing changes. */
function retagCuration(current: Curation, retag: TagEdit['retag']): Curation | null {
  const next = current.tags.length ? retag(current.tags) : null
  const tags = next ? [...new Map(next.map((t) => [lower(t), t])).values()] : current.tags
  let highlightsChanged = false
  const highlights = current.highlights.map((h) => {
    if (!h.tag) return h
    const moved = retag([h.tag])
    if (!moved || moved[0] === h.tag) return h
    highlightsChanged = true
    return { ...h, tag: moved[0] ?? null }
  })
  if (tags.join('\n') === current.tags.join('\n') && !highlightsChanged) return null
  return { ...current, tags, highlights }
}

async function applyTagEdit(library: Library, edit: TagEdit): Promise<TagChange> {
  const beforeTags = library.tags.map((t) => ({ ...t }))
  const before = new Map<string, Curation>()
  const after = new Map<string, Curation>()
  const updatedAt = library.now().toISOString()
  for (const review of library.allReviews()) {
    const current = library.getCuration(review.id)
    const next = retagCuration(current, edit.retag)
    if (!next) continue
    before.set(review.id, current)
    after.set(review.id, { ...next, updatedAt })
  }
  const afterTags = edit.tags
  await library.saveMeta((meta) => void (meta.tags = afterTags.map((t) => ({ ...t }))))
  if (after.size > 0) await library.saveCuration(after)
  library.history.record({
    label: edit.label,
    kind: 'tags',
    undo: async () => {
      await library.saveMeta((meta) => void (meta.tags = beforeTags.map((t) => ({ ...t }))))
      await library.saveCuration(before)
    },
    redo: async () => {
      await library.saveMeta((meta) => void (meta.tags = afterTags.map((t) => ({ ...t }))))
      await library.saveCuration(after)
    },
  })
  return { changed: after.size, tags: [...library.tags] }
}

export async function createTag(
  library: Library,
  name: string,
  color?: string,
): Promise<TagChange> {
  const tag = validName(name)
  if (library.tags.some((t) => lower(t.name) === lower(tag))) {
    throw new BadInputError(`A tag "${tag}" already exists`)
  }
  const colour = color ?? PALETTE[library.tags.length % PALETTE.length]!
  return applyTagEdit(library, {
    label: `Create tag ${tag}`,
    tags: [...library.tags, { name: tag, color: colour }],
    retag: () => null,
  })
}

export async function recolorTag(
  library: Library,
  name: string,
  color: string,
): Promise<TagChange> {
  const tag = findTag(library, name)
  return applyTagEdit(library, {
    label: `Recolour tag ${tag.name}`,
    tags: library.tags.map((t) => (t === tag ? { ...t, color } : t)),
    retag: () => null,
  })
}

/** Renames the tag and everything under it; renaming onto an existing tag is a merge. */
export async function renameTag(library: Library, from: string, to: string): Promise<TagChange> {
  const tag = findTag(library, from)
  const target = validName(to)
  if (target === tag.name) return { changed: 0, tags: [...library.tags] }
  if (lower(target) !== lower(tag.name) && isUnder(target, tag.name)) {
    throw new BadInputError(`Tag "${tag.name}" cannot be moved under itself ("${target}")`)
  }
  const clash = library.tags.find(
    (t) => lower(t.name) === lower(target) && lower(t.name) !== lower(tag.name),
  )
  if (clash) {
    throw new BadInputError(
      `A tag "${clash.name}" already exists; merge "${tag.name}" into it instead`,
    )
  }
  const move = (name: string) =>
    isUnder(name, tag.name) ? target + name.slice(tag.name.length) : name
  const taken = new Set(
    library.tags.filter((t) => !isUnder(t.name, tag.name)).map((t) => lower(t.name)),
  )
  const moved = library.tags
    .filter((t) => isUnder(t.name, tag.name))
    .map((t) => ({ ...t, name: move(t.name) }))
  return applyTagEdit(library, {
    label: `Rename tag ${tag.name} to ${target}`,
    tags: [
      ...library.tags.filter((t) => !isUnder(t.name, tag.name)),
      ...moved.filter((t) => !taken.has(lower(t.name))),
    ],
    retag: (tags) => (tags.some((t) => isUnder(t, tag.name)) ? tags.map(move) : null),
  })
}

export async function mergeTags(library: Library, from: string, into: string): Promise<TagChange> {
  const source = findTag(library, from)
  const target = findTag(library, into)
  if (source === target) throw new BadInputError(`Cannot merge tag "${source.name}" into itself`)
  const isSource = (t: string) => lower(t) === lower(source.name)
  return applyTagEdit(library, {
    label: `Merge tag ${source.name} into ${target.name}`,
    tags: library.tags.filter((t) => t !== source),
    retag: (tags) =>
      tags.some(isSource) ? tags.map((t) => (isSource(t) ? target.name : t)) : null,
  })
}

/** Deletes one tag (not its children) from the library and from every review. */
export async function deleteTag(library: Library, name: string): Promise<TagChange> {
  const tag = findTag(library, name)
  const isTag = (t: string) => lower(t) === lower(tag.name)
  return applyTagEdit(library, {
    label: `Delete tag ${tag.name}`,
    tags: library.tags.filter((t) => t !== tag),
    retag: (tags) => (tags.some(isTag) ? tags.filter((t) => !isTag(t)) : null),
  })
}
