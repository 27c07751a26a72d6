import type { TagChange } from '../../../shared/channels/tags'
import type { Curation, Tag } from '../../../shared/domain'
import {
  findTag,
  isUnderTag as isUnder,
  PALETTE,
  validTagName,
} from '../../domain/curation/tag-rules'
import { BadInputError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { addTagsWithKeys, pinKeys } from '../../../shared/tag-keys'
import type { Command, Planned } from './command'

// Library-wide tag changes (create, rename, recolour, merge, delete). Each may touch thousands of
// reviews and library.json at once, and is ONE command, so ONE undo step.

const lower = (s: string) => s.toLowerCase()

/** New tags of one review's curation, or null when that review is untouched. */
type Retag = (tags: string[]) => string[] | null

/** The curation with its tags and its highlights' tags edited, or null when nothing changes. */
function retagCuration(current: Curation, retag: Retag): Curation | null {
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

/** The library's tags with an older library's derived keys pinned, before any change is made. */
const pinnedTags = (library: Library): Tag[] => pinKeys(library.tags)

function tagEdit(library: Library, label: string, tags: Tag[], retag: Retag): Planned<TagChange> {
  const curation = new Map<string, Curation>()
  // Only reviews with curation can carry a tag.
  for (const id of library.curatedIds()) {
    const next = retagCuration(library.getCuration(id), retag)
    if (next) curation.set(id, next)
  }
  return {
    patch: { tags, curation },
    label,
    result: (lib) => ({ changed: curation.size, tags: [...lib.tags] }),
  }
}

const untouched: Retag = () => null

export const tagCommands = {
  'tags:create': {
    kind: 'tags',
    plan: (library, { name, color }) => {
      const tag = validTagName(name)
      if (library.tags.some((t) => lower(t.name) === lower(tag))) {
        throw new BadInputError(`A tag "${tag}" already exists`)
      }
      const colour = color ?? PALETTE[library.tags.length % PALETTE.length]!
      // A new tag takes the lowest free key; no other tag's key moves.
      const tags = addTagsWithKeys(library.tags, [{ name: tag, color: colour }])
      return tagEdit(library, `Create tag ${tag}`, tags, untouched)
    },
  } satisfies Command<'tags:create'>,

  'tags:recolor': {
    kind: 'tags',
    plan: (library, { name, color }) => {
      const tag = findTag(library.tags, name)
      return tagEdit(
        library,
        `Recolour tag ${tag.name}`,
        pinnedTags(library).map((t) => (t.name === tag.name ? { ...t, color } : t)),
        untouched,
      )
    },
  } satisfies Command<'tags:recolor'>,

  /** Renames the tag and everything under it; renaming onto an existing tag is refused. */
  'tags:rename': {
    kind: 'tags',
    plan: (library, { from, to }) => {
      const tag = findTag(library.tags, from)
      const target = validTagName(to)
      if (target === tag.name) {
        return { patch: {}, label: '', result: (lib) => ({ changed: 0, tags: [...lib.tags] }) }
      }
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
      const all = pinnedTags(library)
      const kept = all.filter((t) => !isUnder(t.name, tag.name))
      const taken = new Set(kept.map((t) => lower(t.name)))
      const moved = all
        .filter((t) => isUnder(t.name, tag.name))
        .map((t) => ({ ...t, name: move(t.name) }))
      return tagEdit(
        library,
        `Rename tag ${tag.name} to ${target}`,
        [...kept, ...moved.filter((t) => !taken.has(lower(t.name)))],
        (tags) => (tags.some((t) => isUnder(t, tag.name)) ? tags.map(move) : null),
      )
    },
  } satisfies Command<'tags:rename'>,

  'tags:merge': {
    kind: 'tags',
    plan: (library, { from, into }) => {
      const source = findTag(library.tags, from)
      const target = findTag(library.tags, into)
      if (source === target) {
        throw new BadInputError(`Cannot merge tag "${source.name}" into itself`)
      }
      const isSource = (t: string) => lower(t) === lower(source.name)
      return tagEdit(
        library,
        `Merge tag ${source.name} into ${target.name}`,
        pinnedTags(library).filter((t) => t.name !== source.name),
        (tags) => (tags.some(isSource) ? tags.map((t) => (isSource(t) ? target.name : t)) : null),
      )
    },
  } satisfies Command<'tags:merge'>,

  /** Deletes one tag (not its children) from the library and from every review. */
  'tags:delete': {
    kind: 'tags',
    plan: (library, { name }) => {
      const tag = findTag(library.tags, name)
      const isTag = (t: string) => lower(t) === lower(tag.name)
      return tagEdit(
        library,
        `Delete tag ${tag.name}`,
        pinnedTags(library).filter((t) => t.name !== tag.name),
        (tags) => (tags.some(isTag) ? tags.filter((t) => !isTag(t)) : null),
      )
    },
  } satisfies Command<'tags:delete'>,

  /** Pins key 1–9 to a tag (null: none); a tag that held the key gives it up. One undo step. */
  'tags:set-key': {
    kind: 'tags',
    plan: (library, { name, key }) => {
      const tag = findTag(library.tags, name)
      const tags = pinnedTags(library).map((t) => {
        if (t.name === tag.name) return withKey(t, key)
        return key !== null && t.key === key ? withKey(t, null) : t
      })
      const label =
        key === null ? `Unpin the key of tag ${tag.name}` : `Pin key ${key} to tag ${tag.name}`
      return tagEdit(library, label, tags, untouched)
    },
  } satisfies Command<'tags:set-key'>,
}

function withKey(tag: Tag, key: number | null): Tag {
  const { key: _old, ...rest } = tag
  return key === null ? rest : { ...rest, key }
}
