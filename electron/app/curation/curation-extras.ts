import { randomUUID } from 'node:crypto'
import type { BylineSplit, Curation, Highlight } from '../../../shared/domain'
import { anchorQuote } from '../../../shared/highlight-anchor'
import { BadInputError, NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { addTags, changeCuration, ensureTags, normaliseTag, removeTags } from './curation-service'

// Curation beyond tags, note and rating: the keep star, highlights and byline corrections. All of
// them go through changeCuration, so each is saved at once and is one undo step.

const reviewsLabel = (ids: string[]): string =>
  new Set(ids).size === 1 ? 'review' : `${new Set(ids).size} reviews`

function reviewOf(library: Library, id: string) {
  const review = library.getReview(id)
  if (!review) throw new NotFoundError(`No review with id ${id}`)
  return review
}

export async function setKept(
  library: Library,
  ids: string[],
  kept: boolean,
): Promise<{ changed: number }> {
  return changeCuration(
    library,
    ids,
    (c) => ({ ...c, kept }),
    kept ? `Keep ${reviewsLabel(ids)}` : `Unkeep ${reviewsLabel(ids)}`,
  )
}

/** Keys 1–9: when every target has the tag it comes off, otherwise it goes on the rest. */
export async function toggleTag(
  library: Library,
  ids: string[],
  name: string,
): Promise<{ changed: number; added: boolean }> {
  const tag = normaliseTag(name).toLowerCase()
  const allHave = ids.every((id) =>
    library.getCuration(id).tags.some((t) => t.toLowerCase() === tag),
  )
  if (allHave) return { ...(await removeTags(library, ids, [name])), added: false }
  return { ...(await addTags(library, ids, [name])), added: true }
}

export interface NewHighlight {
  start: number
  end: number
  quote: string
  tag?: string | null
  comment?: string | null
}

export async function addHighlight(
  library: Library,
  id: string,
  input: NewHighlight,
): Promise<Curation> {
  const review = reviewOf(library, id)
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
  const tag = input.tag ? ((await ensureTags(library, [input.tag]))[0] ?? null) : null
  const highlight: Highlight = {
    id: `hl_${randomUUID().slice(0, 8)}`,
    ...anchor,
    quote: review.body.slice(anchor.start, anchor.end),
    tag,
    comment: input.comment?.trim() || null,
    createdAt: library.now().toISOString(),
  }
  await changeCuration(
    library,
    [id],
    (c) => ({
      ...c,
      highlights: [...c.highlights, highlight].sort((a, b) => a.start - b.start),
    }),
    'Highlight a passage',
  )
  return library.getCuration(id)
}

export async function removeHighlight(
  library: Library,
  id: string,
  highlightId: string,
): Promise<Curation> {
  reviewOf(library, id)
  if (!library.getCuration(id).highlights.some((h) => h.id === highlightId)) {
    throw new NotFoundError(`Review ${id} has no highlight ${highlightId}`)
  }
  await changeCuration(
    library,
    [id],
    (c) => ({ ...c, highlights: c.highlights.filter((h) => h.id !== highlightId) }),
    'Remove a highlight',
  )
  return library.getCuration(id)
}

export async function setBylineCorrection(
  library: Library,
  id: string,
  correction: BylineSplit | null,
): Promise<Curation> {
  reviewOf(library, id)
  if (correction && Number.isNaN(Date.parse(`${correction.date}T00:00:00Z`))) {
    throw new BadInputError(`Byline correction: ${correction.date} is not a calendar date`)
  }
  const value = correction ? { author: correction.author.trim(), date: correction.date } : null
  await changeCuration(
    library,
    [id],
    (c) => ({ ...c, bylineCorrection: value }),
    value ? `Correct byline to ${value.author} · ${value.date}` : 'Restore the parsed byline',
  )
  return library.getCuration(id)
}

/** The curation as the reader shows it: highlights re-anchored on the current text. */
export function anchoredCuration(library: Library, id: string): Curation {
  const review = reviewOf(library, id)
  const curation = library.getCuration(id)
  return {
    ...curation,
    highlights: curation.highlights.map((h) => {
      const anchor = anchorQuote(review.body, h.quote, h.start, h.end)
      // -1 marks a passage that is no longer in the text; the quote itself is kept.
      return anchor ? { ...h, ...anchor } : { ...h, start: -1, end: -1 }
    }),
  }
}

/** Author and date as the user sees them: the correction wins over the parser's split. */
export function shownByline(
  review: { author: string; date: string | null },
  curation: Curation,
): { author: string; date: string | null } {
  return curation.bylineCorrection ?? { author: review.author, date: review.date }
}
