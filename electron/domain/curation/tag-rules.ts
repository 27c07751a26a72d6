import type { Tag } from '../../../shared/domain'
import { BadInputError, NotFoundError } from '../errors'

// What a tag name may be and how names compare: one place for the window, the CLI and restore.

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

const lower = (s: string) => s.toLowerCase()

export function normaliseTag(name: string): string {
  const tag = name.trim().replace(/\s+/g, ' ')
  if (!tag) throw new BadInputError('A tag needs a name')
  if (tag.length > 100)
    throw new BadInputError(`Tag "${tag.slice(0, 20)}…" is longer than 100 characters`)
  return tag
}

/** A name for a new tag: normalised, and with `/` only between levels. */
export function validTagName(name: string): string {
  const tag = normaliseTag(name)
  if (/^\/|\/$|\/\//.test(tag)) {
    throw new BadInputError(
      `Tag "${tag}": a "/" separates levels, so it cannot start, end or repeat`,
    )
  }
  return tag
}

/**
 * Tags match case-insensitively and keep the spelling they were first created with; names not
 * known yet become new tags with the next palette colour.
 */
export function canonicalTags(
  known: readonly Tag[],
  names: string[],
): { tags: string[]; created: Tag[] } {
  const byName = new Map(known.map((t) => [lower(t.name), t.name]))
  const created: Tag[] = []
  const tags = names.map(normaliseTag).map((name) => {
    const existing = byName.get(lower(name))
    if (existing) return existing
    byName.set(lower(name), name)
    created.push({ name, color: PALETTE[(known.length + created.length) % PALETTE.length]! })
    return name
  })
  return { tags: [...new Set(tags)], created }
}

export function findTag(known: readonly Tag[], name: string): Tag {
  const tag = known.find((t) => lower(t.name) === lower(normaliseTag(name)))
  if (!tag) throw new NotFoundError(`There is no tag "${name}"`)
  return tag
}

/** `theme` covers `theme` and `theme/…`: the hierarchy is spelled with `/`. */
export const isUnderTag = (tag: string, parent: string): boolean =>
  lower(tag) === lower(parent) || lower(tag).startsWith(`${lower(parent)}/`)
