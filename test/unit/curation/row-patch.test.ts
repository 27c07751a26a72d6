import { describe, expect, it } from 'vitest'
import type { ReviewRow } from '../../../shared/contract'
import { dependsOnCuration, patchSpan, spansHolding } from '../../../renderer/src/data/row-patch'

const row = (id: string, myRating: number | null = null): ReviewRow => ({
  id,
  workId: 'w1',
  workTitle: 'A film',
  rating: 5,
  myRating,
  title: `Headline ${id}`,
  author: 'someone',
  date: null,
  helpful: null,
  spoiler: false,
  tags: [],
  hasNote: false,
  kept: false,
  reviewed: false,
  hasHighlights: false,
  bylineCorrected: false,
})

describe('which queries a curation edit can reshape', () => {
  it('is independent of curation for work, rating, spoiler filters and original-field sorts', () => {
    expect(dependsOnCuration({})).toBe(false)
    expect(
      dependsOnCuration({
        workId: 'w1',
        rating: { min: 3 },
        spoilers: 'exclude',
        sort: { field: 'date', dir: 'asc' },
      }),
    ).toBe(false)
  })

  it('depends on curation for searches, tag, keep and my-rating filters and my-rating sorts', () => {
    expect(dependsOnCuration({ q: 'tag:x' })).toBe(true)
    expect(dependsOnCuration({ text: 'bleak' })).toBe(true)
    expect(dependsOnCuration({ tags: ['x'] })).toBe(true)
    expect(dependsOnCuration({ excludeTags: ['x'] })).toBe(true)
    expect(dependsOnCuration({ kept: false })).toBe(true)
    expect(dependsOnCuration({ myRating: { unrated: true } })).toBe(true)
    // A corrected byline moves a review's date in or out of the range.
    expect(dependsOnCuration({ dates: { from: '2005-01-01', to: '2005-12-31' } })).toBe(true)
    expect(dependsOnCuration({ sort: { field: 'myRating', dir: 'desc' } })).toBe(true)
    expect(dependsOnCuration({ sort: { field: 'ratingDiff', dir: 'asc' } })).toBe(true)
  })
})

describe('re-reading only the rows a change names', () => {
  const pages = new Map([
    [2, [row('a'), row('b'), row('c'), row('d')]],
    [0, [row('e'), row('f')]],
  ])

  it('spans each held page from its first named row to its last, pages in order', () => {
    expect(spansHolding(pages, ['c', 'b', 'f', 'gone'])).toEqual([
      { page: 0, first: 1, last: 1 },
      { page: 2, first: 1, last: 2 },
    ])
    expect(spansHolding(pages, ['gone'])).toEqual([])
  })

  it('replaces the span in place and leaves the other rows as they were', () => {
    const rows = pages.get(2)!
    const next = patchSpan(rows, { page: 2, first: 1, last: 2 }, [row('b', 7), row('c', 3)])
    expect(next?.map((r) => [r.id, r.myRating])).toEqual([
      ['a', null],
      ['b', 7],
      ['c', 3],
      ['d', null],
    ])
    expect(next?.[0]).toBe(rows[0])
    expect(rows[1]!.myRating).toBeNull()
  })

  it('refuses an answer whose rows moved or whose length differs, so the caller re-reads pages', () => {
    const rows = pages.get(2)!
    const span = { page: 2, first: 1, last: 2 }
    expect(patchSpan(rows, span, [row('c'), row('b')])).toBeNull()
    expect(patchSpan(rows, span, [row('b')])).toBeNull()
  })
})
