import { describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import { sameListFields } from '../../../electron/domain/library/staged-bodies'

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
