import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { addTags, removeTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { foldText } from '../../../shared/fold-text'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { referenceLibrary } from '../support/reference-library'

let library: Library
let cleanup: () => Promise<void>
let ids: string[]
const byAuthor = (author: string) => [...library.allReviews()].find((r) => r.author === author)!.id

beforeAll(async () => void ({ library, ids, cleanup } = await referenceLibrary()))
afterAll(async () => {
  await library.close()
  await cleanup()
})

const all = (q: Parameters<typeof queryReviews>[1]) => queryReviews(library, q, 0, 1000)

describe('curation', () => {
  it('creates tags on the fly, matches them case-insensitively and removes them', async () => {
    await addTags(library, [ids[0]!, ids[1]!], ['Acting', 'pull-quote'])
    await addTags(library, [ids[2]!], ['acting'])
    expect(library.getCuration(ids[2]!).tags).toEqual(['Acting'])
    expect(library.tags.map((t) => t.name)).toEqual(['Acting', 'pull-quote'])
    expect(new Set(library.tags.map((t) => t.color)).size).toBe(2)
    await removeTags(library, [ids[1]!], ['PULL-QUOTE'])
    expect(library.getCuration(ids[1]!).tags).toEqual(['Acting'])
  })

  it('counts only reviews that really changed', async () => {
    expect(await addTags(library, [ids[0]!, ids[3]!], ['Acting'])).toEqual({ changed: 1 })
  })

  it('rejects unknown ids and out-of-range ratings without writing', async () => {
    await expect(addTags(library, ['rv_0000000000000000'], ['x'])).rejects.toThrow(
      /No review with id rv_0000000000000000/,
    )
    await expect(setMyRating(library, [ids[0]!], 11)).rejects.toThrow(
      /rating: must be a whole number from 1 to 10/,
    )
    expect(library.tags.map((t) => t.name)).not.toContain('x')
  })

  it('trims notes and clears an empty one', async () => {
    expect((await setNote(library, ids[4]!, '  first line\r\nsecond  ')).note).toBe(
      'first line\nsecond',
    )
    expect((await setNote(library, ids[4]!, '   ')).note).toBeNull()
  })
})

describe('queries', () => {
  it('filters by tag (all of them)', async () => {
    await addTags(library, [ids[5]!], ['Acting', 'theme/fatherhood'])
    expect(all({ tags: ['acting'] }).total).toBe(5)
    expect(all({ tags: ['acting', 'theme/fatherhood'] }).rows.map((r) => r.id)).toEqual([ids[5]])
  })

  it('filters by original rating range and excludes unrated reviews from a range', () => {
    const rows = all({ rating: { min: 9 } }).rows
    expect(rows.length).toBe(7)
    expect(rows.every((r) => r.rating! >= 9)).toBe(true)
    expect(all({ rating: { max: 4 } }).rows.map((r) => r.rating)).toEqual([4])
  })

  it('filters by my rating, and by unrated', async () => {
    await setMyRating(library, [ids[6]!, ids[7]!], 2)
    await setMyRating(library, [ids[8]!], 9)
    expect(all({ myRating: { max: 3 } }).rows.map((r) => r.id)).toEqual([ids[6], ids[7]])
    expect(all({ myRating: { unrated: true } }).total).toBe(22)
  })

  it('sorts by date, rating and helpfulness with missing values last', () => {
    const dates = all({ sort: { field: 'date', dir: 'asc' } }).rows.map((r) => r.date!)
    expect(dates).toEqual([...dates].sort())
    expect(dates[0]).toBe('2004-12-16')
    const ratings = all({ sort: { field: 'rating', dir: 'desc' } }).rows.map((r) => r.rating)
    expect(ratings.at(-1)).toBeNull()
    expect(ratings.slice(0, 3)).toEqual([10, 10, 10])
    const helpful = all({ sort: { field: 'helpful', dir: 'desc' } }).rows.map((r) => r.helpful!.yes)
    expect(helpful.slice(0, 3)).toEqual([54, 43, 31])
  })

  it('searches headline, body, author and notes with accents folded', async () => {
    expect(all({ text: 'sorensen' }).total).toBeGreaterThan(0)
    expect(all({ text: 'Drasbaek' }).rows.map((r) => r.author)).toEqual(['lastliberal'])
    await setNote(library, byAuthor('robo8'), 'unusual marker word zyxwv')
    expect(all({ text: 'ZYXWV' }).rows.map((r) => r.author)).toEqual(['robo8'])
    expect(foldText('Sørensen Æble Straße')).toBe('sorensen aeble strasse')
  })

  it('pages through results', () => {
    const page = queryReviews(library, {}, 20, 10)
    expect(page).toMatchObject({ total: 25, offset: 20 })
    expect(page.rows.map((r) => r.id)).toEqual(ids.slice(20))
  })

  it('can hide or show only spoiler reviews', () => {
    expect(all({ spoilers: 'only' }).rows.map((r) => r.author)).toEqual([
      'kristianbk',
      'lastliberal',
    ])
    expect(all({ spoilers: 'exclude' }).total).toBe(23)
  })
})
