import { describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import type { StoreFile } from '../../../electron/domain/store/store-file'
import type { ReviewsFile } from '../../../electron/domain/store/schema'
import {
  BodyLoading,
  sameListFields,
  sameListedReviews,
  takeListedFile,
} from '../../../electron/domain/library/staged-bodies'

const parsed: Review = {
  id: 'rv_1',
  workId: 'wk_1',
  rating: 7,
  title: 'A headline',
  author: 'someone',
  date: '2004-05-06',
  bylineRaw: 'someone6 May 2004',
  bylineAmbiguous: false,
  bylineAlternatives: [{ author: 'someone', date: '2004-05-06' }],
  spoiler: false,
  helpful: { yes: 3, total: 4 },
  body: 'Four words of text.',
  truncated: false,
  importId: 'im_1',
  importedAt: '2026-01-01T00:00:00.000Z',
}
const listed: Review = { ...parsed, body: '' }

describe('a listed review against the one read from its file', () => {
  it('is the same when every field but the body matches and the body has the listed length', () => {
    expect(sameListFields(listed, parsed, parsed.body.length)).toBe(true)
  })

  it('differs on any one field, the body’s length, an extra field or another key order', () => {
    const changes: Partial<Record<keyof Review, unknown>> = {
      id: 'rv_2',
      workId: 'wk_2',
      rating: null,
      title: 'Another headline',
      author: 'else',
      date: null,
      bylineRaw: 'else',
      bylineAmbiguous: true,
      bylineAlternatives: [],
      spoiler: true,
      helpful: { yes: 3, total: 5 },
      truncated: true,
      importId: 'im_2',
      importedAt: '2026-01-02T00:00:00.000Z',
    }
    for (const [key, value] of Object.entries(changes)) {
      const other = { ...parsed, [key]: value } as Review
      expect(sameListFields(listed, other, parsed.body.length), key).toBe(false)
    }
    expect(sameListFields(listed, { ...parsed, helpful: null }, parsed.body.length)).toBe(false)
    const otherSplit = {
      ...parsed,
      bylineAlternatives: [{ author: 'someone', date: '2004-05-07' }],
    }
    expect(sameListFields(listed, otherSplit, parsed.body.length)).toBe(false)
    expect(sameListFields(listed, parsed, parsed.body.length + 1)).toBe(false)
    const extra = { ...parsed, line: 4 } as Review
    expect(sameListFields(listed, extra, parsed.body.length)).toBe(false)
    const reordered = Object.fromEntries(Object.entries(parsed).reverse()) as Review
    expect(sameListFields(listed, reordered, parsed.body.length)).toBe(false)
  })
})

describe('a review file taken as soon as it is read', () => {
  const work = { id: 'wk_1', title: 'A film', year: 2004 }
  const second: Review = { ...parsed, id: 'rv_2', title: 'Another', body: 'Other text.' }
  /** The listed state of a staged open, and the file as read (fresh objects each time). */
  function setUp() {
    const listedOnes = [parsed, second].map((r) => ({ ...r, body: '' }))
    const reviews = new Map(listedOnes.map((r) => [r.id, r]))
    const works = new Map([[work.id, work]])
    const lengths = new Map([parsed, second].map((r) => [r.id, r.body.length]))
    const file = {
      data: { schemaVersion: 1, work, reviews: [{ ...parsed }, { ...second }] },
    } as unknown as StoreFile<ReviewsFile>
    const files = new Map([[work.id, file]])
    return { listedOnes, reviews, works, lengths, file, files, loading: new BodyLoading(lengths) }
  }

  it('holds the listed objects at once, and gets their bodies when the library matches', () => {
    const { listedOnes, reviews, works, lengths, file, files, loading } = setUp()
    takeListedFile(loading, works, reviews, file)
    expect(loading.taken.has(file)).toBe(true)
    expect(file.data.reviews[0]).toBe(listedOnes[0])
    expect(sameListedReviews(works, reviews, files, lengths, loading.taken)).toBe(true)
    expect(listedOnes.map((r) => r.body)).toEqual([parsed.body, second.body])
  })

  it('is not taken when a field differs, and the listed reviews stay as they were', () => {
    const { listedOnes, reviews, works, lengths, file, files, loading } = setUp()
    file.data.reviews[1]!.title = 'Changed on disk'
    takeListedFile(loading, works, reviews, file)
    expect(loading.taken.size).toBe(0)
    expect(file.data.reviews[0]).not.toBe(listedOnes[0])
    expect(sameListedReviews(works, reviews, files, lengths, loading.taken)).toBe(false)
    expect(listedOnes.map((r) => r.body)).toEqual(['', ''])
  })

  it('must come in the listed order across works, or the library differs (bodies restored)', () => {
    const other = { id: 'wk_2', title: 'Another film', year: 2010 }
    const third: Review = { ...parsed, id: 'rv_3', workId: other.id, body: 'Third text.' }
    const { listedOnes, reviews, works, lengths, file, loading } = setUp()
    const listedThird = { ...third, body: '' }
    reviews.set(third.id, listedThird)
    works.set(other.id, other)
    lengths.set(third.id, third.body.length)
    const otherFile = {
      data: { schemaVersion: 1, work: other, reviews: [{ ...third }] },
    } as unknown as StoreFile<ReviewsFile>
    takeListedFile(loading, works, reviews, file)
    takeListedFile(loading, works, reviews, otherFile)
    expect(loading.taken.size).toBe(2)
    // The files in another order than the list's: each file matches, the library does not.
    const files = new Map([
      [other.id, otherFile],
      [work.id, file],
    ])
    expect(sameListedReviews(works, reviews, files, lengths, loading.taken)).toBe(false)
    // The files' data is whole for the files-win path: each listed object has its own body back.
    expect([...listedOnes, listedThird].map((r) => r.body)).toEqual([
      parsed.body,
      second.body,
      third.body,
    ])
  })
})
