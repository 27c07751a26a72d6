import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Curation, Review } from '../../../shared/domain'
import { SORT_FIELDS, type SortField } from '../../../shared/query'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from './search-fixture'

let library: Library
let cleanup: () => Promise<void>
let all: Review[]

beforeAll(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
  await fillLibrary(library, 400, 11)
  all = [...library.allReviews()]
  for (let i = 0; i < 60; i++) await setMyRating(library, [all[i * 5]!.id], (i % 10) + 1)
  await addTags(library, [all[1]!.id, all[2]!.id], ['theme/fatherhood'])
  await addTags(library, [all[2]!.id, all[3]!.id], ['acting'])
  await setNote(library, all[4]!.id, 'a note')
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

const ids = (q: Parameters<typeof queryReviews>[1]) =>
  queryReviews(library, q, 0, 1000).rows.map((r) => r.id)
const cur = (r: Review): Curation => library.getCuration(r.id)
const ratio = (r: Review) =>
  r.helpful && r.helpful.total > 0 ? r.helpful.yes / r.helpful.total : null

const KEY: Record<SortField, (r: Review) => number | string | null> = {
  date: (r) => r.date,
  rating: (r) => r.rating,
  myRating: (r) => cur(r).myRating,
  ratingDiff: (r) =>
    cur(r).myRating !== null && r.rating !== null ? cur(r).myRating! - r.rating : null,
  helpful: (r) => r.helpful?.yes ?? null,
  helpfulRatio: ratio,
  length: (r) => r.body.length,
  title: (r) => r.title.toLowerCase(),
}

/** The expected order: by key, missing values last either way, ties in library order. */
function expected(field: SortField, dir: 'asc' | 'desc', subset = all): string[] {
  const sign = dir === 'asc' ? 1 : -1
  return subset
    .map((r, i) => ({ r, i, k: KEY[field](r) }))
    .sort((a, b) => {
      if (a.k === null || b.k === null) return a.k === b.k ? a.i - b.i : a.k === null ? 1 : -1
      if (a.k !== b.k) return (a.k < b.k ? -1 : 1) * sign
      return a.i - b.i
    })
    .map((x) => x.r.id)
}

describe('sorting', () => {
  for (const field of SORT_FIELDS) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sorts by ${field} ${dir}`, () => {
        expect(ids({ sort: { field, dir } })).toEqual(expected(field, dir))
      })
    }
  }
})

describe('filters of the typed query', () => {
  const check = (q: string, keep: (r: Review) => boolean) =>
    expect(ids({ q }), q).toEqual(all.filter(keep).map((r) => r.id))

  it('selects by the review fields', () => {
    check('rating:>=8', (r) => r.rating !== null && r.rating >= 8)
    check('-rating:>=8', (r) => !(r.rating !== null && r.rating >= 8))
    check(
      'rating:3..5 spoiler:yes',
      (r) => r.rating !== null && r.rating >= 3 && r.rating <= 5 && r.spoiler,
    )
    check('helpful:>0.8', (r) => (ratio(r) ?? -1) > 0.8)
    check('votes:>=50', (r) => (r.helpful?.yes ?? -1) >= 50)
    check(
      'date:2005..2010',
      (r) => r.date !== null && r.date >= '2005-01-01' && r.date <= '2010-12-31',
    )
    check('date:>2010-06', (r) => r.date !== null && r.date > '2010-06-31')
    check('length:<300', (r) => r.body.length < 300)
    check('work:"Pusher II"', (r) => library.getWork(r.workId)?.title === 'Pusher II')
    check('author:_1', (r) => r.author.toLowerCase().includes('_1'))
  })

  it('selects by curation', () => {
    check('mine:<=4', (r) => cur(r).myRating !== null && cur(r).myRating! <= 4)
    check('mine:none', (r) => cur(r).myRating === null)
    check('tag:theme', (r) => cur(r).tags.includes('theme/fatherhood'))
    check(
      'tag:acting -tag:theme',
      (r) => cur(r).tags.includes('acting') && !cur(r).tags.includes('theme/fatherhood'),
    )
    check('has:note', (r) => cur(r).note !== null)
    check('has:tag', (r) => cur(r).tags.length > 0)
    check('kept:no', (r) => !cur(r).kept)
    check('has:highlight', () => false)
  })

  it('combines the typed query with the UI fields', () => {
    const q = ids({ q: 'rating:>=5', tags: ['acting'], spoilers: 'exclude' })
    expect(q).toEqual(
      all
        .filter((r) => (r.rating ?? 0) >= 5 && cur(r).tags.includes('acting') && !r.spoiler)
        .map((r) => r.id),
    )
    expect(ids({ myRating: { unrated: true }, kept: false }).length).toBe(all.length - 60)
    expect(ids({ excludeTags: ['ACTING'] }).length).toBe(all.length - 2)
  })
})

describe('sorting a selection', () => {
  // Large selections filter a cached order of every review, small ones are sorted as they are:
  // both must give the order of the whole list.
  const subsets: [string, (r: Review) => boolean][] = [
    ['rating:>=5', (r) => r.rating !== null && r.rating >= 5],
    ['rating:10 spoiler:yes', (r) => r.rating === 10 && r.spoiler],
  ]
  it('keeps the order of the whole list, for large and small selections', () => {
    for (const [q, keep] of subsets) {
      const subset = all.filter(keep)
      for (const field of SORT_FIELDS) {
        for (const dir of ['asc', 'desc'] as const) {
          expect(ids({ q, sort: { field, dir } }), `${q} ${field} ${dir}`).toEqual(
            expected(field, dir, subset),
          )
        }
      }
    }
    expect(all.filter(subsets[0]![1]).length).toBeGreaterThan(all.length / 4)
    expect(all.filter(subsets[1]![1]).length).toBeLessThan(all.length / 32)
  })

  it('follows curation changes in sorts that read curation', async () => {
    const sortByMine = { sort: { field: 'myRating', dir: 'desc' } } as const
    const diff = { sort: { field: 'ratingDiff', dir: 'asc' } } as const
    expect(ids(sortByMine)).toEqual(expected('myRating', 'desc'))
    expect(ids(diff)).toEqual(expected('ratingDiff', 'asc'))
    // An unrated review rated highest moves to the top; a top one rated lowest moves down.
    const last = all[all.length - 1]!
    const top = ids(sortByMine)[0]!
    await setMyRating(library, [last.id, all[1]!.id], 10)
    await setMyRating(library, [top], 1)
    expect(ids(sortByMine)).toEqual(expected('myRating', 'desc'))
    expect(ids(sortByMine).indexOf(last.id)).toBeLessThan(70)
    expect(ids(diff)).toEqual(expected('ratingDiff', 'asc'))
  })
})
