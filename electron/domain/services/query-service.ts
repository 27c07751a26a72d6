import type { QueryPage, ReviewRow } from '../../../shared/contract'
import type { Curation, Review } from '../../../shared/domain'
import type { ReviewQuery, SortField } from '../../../shared/query'
import type { Library } from '../library/library'
import { foldText } from './fold-text'

export interface Match {
  review: Review
  curation: Curation
}

type Predicate = (m: Match) => boolean

function inRange(value: number | null, range: { min?: number; max?: number } | undefined): boolean {
  if (!range || (range.min === undefined && range.max === undefined)) return true
  if (value === null) return false
  return (
    (range.min === undefined || value >= range.min) &&
    (range.max === undefined || value <= range.max)
  )
}

function predicates(query: ReviewQuery): Predicate[] {
  const out: Predicate[] = []
  if (query.workId) out.push((m) => m.review.workId === query.workId)
  if (query.tags?.length) {
    const wanted = query.tags.map((t) => t.toLowerCase())
    out.push((m) => {
      const have = new Set(m.curation.tags.map((t) => t.toLowerCase()))
      return wanted.every((t) => have.has(t))
    })
  }
  if (query.rating) out.push((m) => inRange(m.review.rating, query.rating))
  if (query.myRating) {
    const { unrated, ...range } = query.myRating
    out.push((m) => (unrated ? m.curation.myRating === null : inRange(m.curation.myRating, range)))
  }
  if (query.spoilers === 'exclude') out.push((m) => !m.review.spoiler)
  if (query.spoilers === 'only') out.push((m) => m.review.spoiler)
  const words = foldText(query.text ?? '')
    .split(/\s+/)
    .filter(Boolean)
  if (words.length > 0) {
    out.push((m) => {
      const r = m.review
      const haystack = foldText(`${r.title}\n${r.author}\n${r.body}\n${m.curation.note ?? ''}`)
      return words.every((w) => haystack.includes(w))
    })
  }
  return out
}

const helpfulRatio = (r: Review): number | null =>
  r.helpful && r.helpful.total > 0 ? r.helpful.yes / r.helpful.total : null

const SORT_KEYS: Record<SortField, (m: Match) => number | string | null> = {
  date: (m) => m.review.date,
  rating: (m) => m.review.rating,
  myRating: (m) => m.curation.myRating,
  helpful: (m) => m.review.helpful?.yes ?? null,
  helpfulRatio: (m) => helpfulRatio(m.review),
  title: (m) => m.review.title.toLowerCase(),
}

/** Sorts in place; reviews without the sorted value always go last, whatever the direction. */
function sortMatches(matches: Match[], sort: ReviewQuery['sort']): void {
  if (!sort) return
  const key = SORT_KEYS[sort.field]
  const sign = sort.dir === 'asc' ? 1 : -1
  const keyed = matches.map((m, i) => ({ m, k: key(m), i }))
  keyed.sort((a, b) => {
    if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1
    if (a.k < b.k) return -sign
    if (a.k > b.k) return sign
    return a.i - b.i
  })
  keyed.forEach((k, i) => (matches[i] = k.m))
}

/** Every review the query selects, in the query's order (the library's order when unsorted). */
export function matchReviews(library: Library, query: ReviewQuery): Match[] {
  const tests = predicates(query)
  const matches: Match[] = []
  for (const review of library.allReviews()) {
    const m = { review, curation: library.getCuration(review.id) }
    if (tests.every((t) => t(m))) matches.push(m)
  }
  sortMatches(matches, query.sort)
  return matches
}

export function toRow(library: Library, { review, curation }: Match): ReviewRow {
  return {
    id: review.id,
    workId: review.workId,
    workTitle: library.getWork(review.workId)?.title ?? '',
    rating: review.rating,
    myRating: curation.myRating,
    title: review.title,
    author: review.author,
    date: review.date,
    helpful: review.helpful,
    spoiler: review.spoiler,
    tags: curation.tags,
    hasNote: curation.note !== null,
  }
}

export function queryReviews(
  library: Library,
  query: ReviewQuery,
  offset: number,
  limit: number,
): QueryPage {
  const matches = matchReviews(library, query)
  return {
    total: matches.length,
    offset,
    rows: matches.slice(offset, offset + limit).map((m) => toRow(library, m)),
  }
}
