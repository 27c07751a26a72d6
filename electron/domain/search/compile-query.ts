import type { Clause, NumberRange } from '../../../shared/query-language'
import { parseQuery } from '../../../shared/query-language'
import type { ReviewQuery } from '../../../shared/query'
import { dayNumber } from '../../../shared/date-period'
import type { Collection } from '../../../shared/channels/collections'
import { collectionNames, findCollectionByRef } from '../collections/find-collection'
import { BadInputError } from '../errors'
import type { DocColumns } from './doc-columns'
import { fold, queryWords } from './tokenize'

// Turns a ReviewQuery (its typed `q` and its UI fields) into what the engine runs: the words the
// text index must find, phrases to check, exclusions, and filters over the columns.

export type Filter = (ordinal: number) => boolean

export interface TextGroup {
  /** Folded words, each a prefix of some word of the review. */
  words: string[]
  /** The words must also follow each other in this order. */
  phrase: boolean
}

export interface Plan {
  /** Every group must match (their words are merged for the index lookup). */
  include: TextGroup[]
  /** Reviews matching any of these groups are left out. */
  exclude: TextGroup[]
  filters: Filter[]
  /**
   * Position by ordinal in the collection the query views (its `collection` field, else its first
   * `collection:` clause): the order of an unsorted list.
   */
  collectionOrder?: Map<number, number>
}

const MAX_WORDS = 200

function inRange(r: NumberRange): (v: number) => boolean {
  const { min, max, minOpen, maxOpen } = r
  return (v) =>
    (min === undefined || (minOpen ? v > min : v >= min)) &&
    (max === undefined || (maxOpen ? v < max : v <= max))
}

/** A numeric column test where `missing` marks a review without the value. */
function numeric(
  col: () => ArrayLike<number>,
  range: NumberRange,
  missing: (v: number) => boolean,
): Filter {
  const test = inRange(range)
  return (o) => {
    const v = col()[o]!
    return !missing(v) && test(v)
  }
}

const noValue = (v: number) => v < 0
const noRatio = (v: number) => Number.isNaN(v)
const noDate = (v: number) => v === 0

function workMatches(
  cols: DocColumns,
  title: (workId: string) => string,
  value: string,
): Set<number> {
  const wanted = fold(value)
  const out = new Set<number>()
  cols.workIds.forEach((id, w) => {
    if (fold(title(id)).includes(wanted)) out.add(w)
  })
  return out
}

/** Ordinal → position of the collection's reviews still in the library. */
function positions(cols: DocColumns, collection: Collection): Map<number, number> {
  const out = new Map<number, number>()
  for (const id of collection.reviewIds) {
    const o = cols.ordinalById.get(id)
    if (o !== undefined && cols.alive[o] === 1 && !out.has(o)) out.set(o, out.size)
  }
  return out
}

function typedCollection(collections: readonly Collection[], ref: string): Collection {
  const found = findCollectionByRef(collections, ref)
  if (!found)
    throw new BadInputError(`Query: no collection named "${ref}"; ${collectionNames(collections)}`)
  return found
}

function clauseFilter(
  cols: DocColumns,
  title: (workId: string) => string,
  c: Clause,
  collections: readonly Collection[],
): Filter | null {
  switch (c.kind) {
    case 'rating':
      return numeric(() => cols.rating, c.range, noValue)
    case 'mine':
      return numeric(() => cols.myRating, c.range, noValue)
    case 'votes':
      return numeric(() => cols.votes, c.range, noValue)
    case 'length':
      return numeric(() => cols.length, c.range, noValue)
    case 'helpful':
      return numeric(() => cols.ratio, c.range, noRatio)
    case 'date':
      return numeric(() => cols.date, c.range, noDate)
    case 'tag': {
      const tag = c.value.toLowerCase()
      const nested = `${tag}/`
      return (o) => cols.tags[o]?.some((t) => t === tag || t.startsWith(nested)) ?? false
    }
    case 'author': {
      const wanted = fold(c.value)
      const authors = cols.authors()
      return (o) => authors[o]!.includes(wanted)
    }
    case 'work': {
      const works = workMatches(cols, title, c.value)
      return (o) => works.has(cols.work[o]!)
    }
    case 'collection': {
      const members = positions(cols, typedCollection(collections, c.value))
      return (o) => members.has(o)
    }
    case 'spoiler':
      return (o) => (cols.spoiler[o] === 1) === c.value
    case 'kept':
      return (o) => (cols.kept[o] === 1) === c.value
    case 'reviewed':
      return (o) => (cols.reviewed[o] === 1) === c.value
    case 'has':
      if (c.what === 'note') return (o) => cols.hasNote[o] === 1
      if (c.what === 'highlight') return (o) => cols.hasHighlight[o] === 1
      if (c.what === 'tag') return (o) => cols.tags[o] !== undefined
      return (o) => cols.myRating[o]! >= 0
    case 'text':
      return null
  }
}

function structuredFilters(cols: DocColumns, q: ReviewQuery): Filter[] {
  const out: Filter[] = []
  if (q.workId !== undefined) {
    const id = q.workId
    out.push((o) => cols.workIds[cols.work[o]!] === id)
  }
  for (const tag of q.tags ?? []) {
    const t = tag.toLowerCase()
    out.push((o) => cols.tags[o]?.includes(t) ?? false)
  }
  for (const tag of q.excludeTags ?? []) {
    const t = tag.toLowerCase()
    out.push((o) => !(cols.tags[o]?.includes(t) ?? false))
  }
  if (q.rating && (q.rating.min !== undefined || q.rating.max !== undefined))
    out.push(numeric(() => cols.rating, q.rating, noValue))
  if (q.myRating) {
    const { unrated, ...range } = q.myRating
    if (unrated) out.push((o) => cols.myRating[o]! < 0)
    else if (range.min !== undefined || range.max !== undefined)
      out.push(numeric(() => cols.myRating, range, noValue))
  }
  if (q.dates) {
    const range = { min: dayNumber(q.dates.from), max: dayNumber(q.dates.to) }
    out.push(numeric(() => cols.date, range, noDate))
  }
  if (q.spoilers === 'exclude') out.push((o) => cols.spoiler[o] === 0)
  if (q.spoilers === 'only') out.push((o) => cols.spoiler[o] === 1)
  if (q.kept !== undefined) {
    const kept = q.kept
    out.push((o) => (cols.kept[o] === 1) === kept)
  }
  if (q.reviewed !== undefined) {
    const reviewed = q.reviewed
    out.push((o) => (cols.reviewed[o] === 1) === reviewed)
  }
  return out
}

/** Compiles `query`; a bad typed query is refused with the parser's message. */
export function compileQuery(
  cols: DocColumns,
  title: (workId: string) => string,
  query: ReviewQuery,
  collections: readonly Collection[] = [],
): Plan {
  const plan: Plan = { include: [], exclude: [], filters: structuredFilters(cols, query) }
  if (query.collection !== undefined) {
    const viewed = collections.find((c) => c.id === query.collection)
    const members = viewed ? positions(cols, viewed) : new Map<number, number>()
    plan.filters.push((o) => members.has(o))
    plan.collectionOrder = members
  }
  const text = queryWords(query.text ?? '')
  if (text.length > 0) plan.include.push({ words: text, phrase: false })
  if (query.q?.trim()) {
    const parsed = parseQuery(query.q)
    if (!parsed.ok) throw new BadInputError(`Query: ${parsed.error.message}`)
    for (const c of parsed.clauses) {
      if (c.kind === 'text') {
        const words = queryWords(c.text)
        if (words.length === 0) continue
        const group = { words, phrase: c.phrase && words.length > 1 }
        ;(c.negate ? plan.exclude : plan.include).push(group)
        continue
      }
      const filter = clauseFilter(cols, title, c, collections)
      if (filter) plan.filters.push(c.negate ? (o) => !filter(o) : filter)
      if (c.kind === 'collection' && !c.negate && !plan.collectionOrder)
        plan.collectionOrder = positions(cols, typedCollection(collections, c.value))
    }
  }
  const total = plan.include.reduce((n, g) => n + g.words.length, 0)
  if (total > MAX_WORDS)
    throw new BadInputError(`Query: too many words to search for (${total}); at most ${MAX_WORDS}`)
  return plan
}
