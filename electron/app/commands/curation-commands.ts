import { addTagsWithKeys } from '../../../shared/tag-keys'
import { randomUUID } from 'node:crypto'
import type { Curation, Highlight, Tag } from '../../../shared/domain'
import { anchorQuote } from '../../../shared/highlight-anchor'
import { canonicalTags, normaliseTag } from '../../domain/curation/tag-rules'
import { BadInputError, NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { resolveTargets } from './curation-targets'
import type { Command, Planned } from './command'
import { curationChanges, type Patch } from './patch'

// The per-review curation actions. Each plans the new curation of the reviews it touches; the
// runner writes it and records the undo.

function assertKnown(library: Library, ids: string[]): void {
  const unknown = ids.filter((id) => !library.getReview(id))
  if (unknown.length > 0) {
    const shown = unknown.slice(0, 5).join(', ')
    throw new NotFoundError(
      `No review with id ${shown}${unknown.length > 5 ? ` and ${unknown.length - 5} more` : ''}`,
    )
  }
}

function targets(library: Library, t: { ids?: string[]; query?: unknown }): string[] {
  const ids = resolveTargets(library, t as Parameters<typeof resolveTargets>[1])
  assertKnown(library, ids)
  return ids
}

const reviewsLabel = (ids: string[]): string => {
  const count = new Set(ids).size
  return count === 1 ? 'review' : `${count} reviews`
}

const changedCount = (patch: Patch) => () => ({ changed: patch.curation?.size ?? 0 })

function tagging(library: Library, ids: string[], names: string[]): Planned<{ changed: number }> {
  const { tags, created } = canonicalTags(library.tags, names)
  const curation = curationChanges(library, ids, (c) => ({
    ...c,
    tags: [...new Set([...c.tags, ...tags])],
  }))
  // A new tag is only created when some review carries it, so a no-op leaves no stray tag.
  const patch: Patch = { curation }
  if (created.length > 0 && curation.size > 0) patch.tags = addTagsWithKeys(library.tags, created)
  return {
    patch,
    label: `Tag ${reviewsLabel(ids)} ${tags.join(', ')}`,
    result: changedCount(patch),
  }
}

function untagging(library: Library, ids: string[], names: string[]): Planned<{ changed: number }> {
  const drop = new Set(names.map((n) => normaliseTag(n).toLowerCase()))
  const patch = {
    curation: curationChanges(library, ids, (c) => ({
      ...c,
      tags: c.tags.filter((t) => !drop.has(t.toLowerCase())),
    })),
  }
  return {
    patch,
    label: `Untag ${reviewsLabel(ids)} ${names.join(', ')}`,
    result: changedCount(patch),
  }
}

function oneReview(library: Library, id: string) {
  const review = library.getReview(id)
  if (!review) throw new NotFoundError(`No review with id ${id}`)
  return review
}

/** A command on one review that answers with that review's curation. */
function single(
  library: Library,
  id: string,
  update: (c: Readonly<Curation>) => Curation,
  label: string,
  tags?: Tag[],
): Planned<Curation> {
  oneReview(library, id)
  const patch: Patch = { curation: curationChanges(library, [id], update) }
  if (tags && patch.curation?.size) patch.tags = tags
  return { patch, label, result: (lib) => lib.getCuration(id) }
}

export const curationCommands = {
  'curation:tag': {
    kind: 'curation',
    plan: (library, { tags, ...t }) => tagging(library, targets(library, t), tags),
  } satisfies Command<'curation:tag'>,

  'curation:untag': {
    kind: 'curation',
    plan: (library, { tags, ...t }) => untagging(library, targets(library, t), tags),
  } satisfies Command<'curation:untag'>,

  /** Keys 1–9: when every target has the tag it comes off, otherwise it goes on the rest. */
  'curation:toggle-tag': {
    kind: 'curation',
    plan: (library, { tag, ...t }) => {
      const ids = targets(library, t)
      const name = normaliseTag(tag).toLowerCase()
      const allHave = ids.every((id) =>
        library.storedCuration(id).tags.some((x) => x.toLowerCase() === name),
      )
      const planned = allHave ? untagging(library, ids, [tag]) : tagging(library, ids, [tag])
      return { ...planned, result: (lib) => ({ ...planned.result(lib), added: !allHave }) }
    },
  } satisfies Command<'curation:toggle-tag'>,

  'curation:rate': {
    kind: 'curation',
    plan: (library, { rating, ...t }) => {
      const ids = targets(library, t)
      const patch = { curation: curationChanges(library, ids, (c) => ({ ...c, myRating: rating })) }
      const label =
        rating === null
          ? `Clear my rating of ${reviewsLabel(ids)}`
          : `Rate ${reviewsLabel(ids)} ${rating}/10`
      return { patch, label, result: changedCount(patch) }
    },
  } satisfies Command<'curation:rate'>,

  'curation:keep': {
    kind: 'curation',
    plan: (library, { kept, ...t }) => {
      const ids = targets(library, t)
      const patch = { curation: curationChanges(library, ids, (c) => ({ ...c, kept })) }
      const label = kept ? `Keep ${reviewsLabel(ids)}` : `Unkeep ${reviewsLabel(ids)}`
      return { patch, label, result: changedCount(patch) }
    },
  } satisfies Command<'curation:keep'>,

  'curation:reviewed': {
    kind: 'curation',
    plan: (library, { reviewed, ...t }) => {
      const ids = targets(library, t)
      const patch = { curation: curationChanges(library, ids, (c) => ({ ...c, reviewed })) }
      const label = `Mark ${reviewsLabel(ids)} ${reviewed ? 'reviewed' : 'not reviewed'}`
      return { patch, label, result: changedCount(patch) }
    },
  } satisfies Command<'curation:reviewed'>,

  'curation:note': {
    kind: 'curation',
    plan: (library, { id, note }) => {
      const text = note?.replace(/\r\n?/g, '\n').trim() || null
      return single(library, id, (c) => ({ ...c, note: text }), text ? 'Edit note' : 'Clear note')
    },
  } satisfies Command<'curation:note'>,

  'curation:highlight-add': {
    kind: 'curation',
    plan: (library, { id, ...input }) => {
      const review = oneReview(library, id)
      if (input.end <= input.start) {
        throw new BadInputError(
          `A highlight must end after it starts (start ${input.start}, end ${input.end})`,
        )
      }
      const anchor = anchorQuote(review.body, input.quote, input.start, input.end)
      if (!anchor) {
        throw new BadInputError(
          `The highlighted passage "${input.quote.slice(0, 40)}" is not in the text of review ${id}`,
        )
      }
      const named = input.tag ? canonicalTags(library.tags, [input.tag]) : null
      const highlight: Highlight = {
        id: `hl_${randomUUID().slice(0, 8)}`,
        ...anchor,
        quote: review.body.slice(anchor.start, anchor.end),
        tag: named?.tags[0] ?? null,
        comment: input.comment?.trim() || null,
        createdAt: library.now().toISOString(),
      }
      return single(
        library,
        id,
        (c) => ({
          ...c,
          highlights: [...c.highlights, highlight].sort((a, b) => a.start - b.start),
        }),
        'Highlight a passage',
        named?.created.length ? [...library.tags, ...named.created] : undefined,
      )
    },
  } satisfies Command<'curation:highlight-add'>,

  'curation:highlight-remove': {
    kind: 'curation',
    plan: (library, { id, highlightId }) => {
      oneReview(library, id)
      if (!library.getCuration(id).highlights.some((h) => h.id === highlightId)) {
        throw new NotFoundError(`Review ${id} has no highlight ${highlightId}`)
      }
      return single(
        library,
        id,
        (c) => ({ ...c, highlights: c.highlights.filter((h) => h.id !== highlightId) }),
        'Remove a highlight',
      )
    },
  } satisfies Command<'curation:highlight-remove'>,

  'curation:byline': {
    kind: 'curation',
    plan: (library, { id, correction }) => {
      const value = correction ? { author: correction.author.trim(), date: correction.date } : null
      return single(
        library,
        id,
        (c) => ({ ...c, bylineCorrection: value }),
        value ? `Correct byline to ${value.author} · ${value.date}` : 'Restore the parsed byline',
      )
    },
  } satisfies Command<'curation:byline'>,
}
