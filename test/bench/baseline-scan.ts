// The naive design the bench compares against: everything in one lowdb file, every query a
// linear scan over all reviews (their text folded once at open, so the scan itself is as cheap as
// a scan gets), a comparator sort, and every edit rewriting the whole file.

import type { Clause } from '../../shared/query-language'
import { parseQuery } from '../../shared/query-language'
import type { ReviewQuery, SortField } from '../../shared/query'
import type { Curation, Review } from '../../shared/domain'
import { foldText } from '../../shared/fold-text'
import type { BaselineData } from './make-library'

export interface BaselineDoc {
  review: Review
  hay: string
}

export function prepare(data: BaselineData): BaselineDoc[] {
  return data.reviews.map((review) => ({
    review,
    hay: foldText(
      `${review.title}\n${review.author}\n${review.body}\n${data.curation[review.id]?.note ?? ''}`,
    ),
  }))
}

type Test = (d: BaselineDoc, c: Curation | undefined) => boolean

const inRange = (
  v: number | null | undefined,
  r: { min?: number; max?: number; minOpen?: boolean; maxOpen?: boolean },
) =>
  v !== null &&
  v !== undefined &&
  (r.min === undefined || (r.minOpen ? v > r.min : v >= r.min)) &&
  (r.max === undefined || (r.maxOpen ? v < r.max : v <= r.max))

const dateNum = (d: string | null) => (d ? Number(d.replaceAll('-', '')) : null)

function clauseTest(c: Clause, data: BaselineData): Test {
  const title = (id: string) => foldText(data.works.find((w) => w.id === id)?.title ?? '')
  switch (c.kind) {
    case 'text': {
      const text = foldText(c.text)
      const words = c.phrase ? [text] : text.split(/\s+/).filter(Boolean)
      return (d) => words.every((w) => d.hay.includes(w))
    }
    case 'rating':
      return (d) => inRange(d.review.rating, c.range)
    case 'mine':
      return (_d, cur) => inRange(cur?.myRating, c.range)
    case 'votes':
      return (d) => inRange(d.review.helpful?.yes, c.range)
    case 'length':
      return (d) => inRange(d.review.body.length, c.range)
    case 'helpful':
      return (d) =>
        inRange(
          d.review.helpful?.total ? d.review.helpful.yes / d.review.helpful.total : null,
          c.range,
        )
    case 'date':
      return (d) => inRange(dateNum(d.review.date), c.range)
    case 'tag':
      return (_d, cur) =>
        (cur?.tags ?? []).some(
          (t) => t.toLowerCase() === c.value || t.toLowerCase().startsWith(`${c.value}/`),
        )
    case 'author':
      return (d) => foldText(d.review.author).includes(foldText(c.value))
    case 'work':
      return (d) => title(d.review.workId).includes(foldText(c.value))
    case 'spoiler':
      return (d) => d.review.spoiler === c.value
    case 'kept':
      return (_d, cur) => (cur?.kept ?? false) === c.value
    case 'collection':
      // The naive baseline has no collections (the bench's query set uses none).
      return () => false
    case 'reviewed':
      return (_d, cur) => (cur?.reviewed ?? false) === c.value
    case 'has':
      return (_d, cur) =>
        c.what === 'note'
          ? !!cur?.note
          : c.what === 'highlight'
            ? !!cur?.highlights.length
            : c.what === 'tag'
              ? !!cur?.tags.length
              : cur?.myRating != null
  }
}

const KEYS: Record<SortField, (d: BaselineDoc, c: Curation | undefined) => number | string | null> =
  {
    date: (d) => d.review.date,
    rating: (d) => d.review.rating,
    myRating: (_d, c) => c?.myRating ?? null,
    ratingDiff: (d, c) =>
      c?.myRating != null && d.review.rating !== null ? c.myRating - d.review.rating : null,
    helpful: (d) => d.review.helpful?.yes ?? null,
    helpfulRatio: (d) =>
      d.review.helpful?.total ? d.review.helpful.yes / d.review.helpful.total : null,
    length: (d) => d.review.body.length,
    title: (d) => d.review.title.toLowerCase(),
  }

/** The first `limit` reviews of the query, and how many it selects. */
export function baselineQuery(
  docs: BaselineDoc[],
  data: BaselineData,
  query: ReviewQuery,
  limit: number,
): { total: number; ids: string[] } {
  const tests: Test[] = []
  if (query.q) {
    const parsed = parseQuery(query.q)
    if (!parsed.ok) throw new Error(parsed.error.message)
    for (const c of parsed.clauses) {
      const t = clauseTest(c, data)
      tests.push(c.negate ? (d, cur) => !t(d, cur) : t)
    }
  }
  if (query.text)
    tests.push(clauseTest({ kind: 'text', text: query.text, phrase: false, negate: false }, data))
  if (query.rating) tests.push((d) => inRange(d.review.rating, query.rating!))
  const matches: { d: BaselineDoc; c: Curation | undefined; i: number }[] = []
  docs.forEach((d, i) => {
    const c = data.curation[d.review.id]
    if (tests.every((t) => t(d, c))) matches.push({ d, c, i })
  })
  if (query.sort) {
    const key = KEYS[query.sort.field]
    const sign = query.sort.dir === 'asc' ? 1 : -1
    const keyed = matches.map((m) => ({ m, k: key(m.d, m.c) }))
    keyed.sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.m.i - b.m.i : a.k === null ? 1 : -1
      return a.k < b.k ? -sign : a.k > b.k ? sign : a.m.i - b.m.i
    })
    return { total: matches.length, ids: keyed.slice(0, limit).map((k) => k.m.d.review.id) }
  }
  return { total: matches.length, ids: matches.slice(0, limit).map((m) => m.d.review.id) }
}
