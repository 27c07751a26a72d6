import { describe, expect, expectTypeOf, it } from 'vitest'
import type { Curation, Review, ReviewSource, Work } from '../../../shared/domain'
import { CurationRecord } from '../../../shared/records/curation'
import { ReviewRecord, WorkRecord } from '../../../shared/records/review'
import { emptyCuration } from '../../../electron/domain/library/library'

// The stored records' schemas and the domain types must describe the same data: `npm run
// typecheck` fails here when one changes without the other.

describe('record schemas and domain types', () => {
  it('agree in type', () => {
    expectTypeOf<Review>().toExtend<ReviewSource>()
    expectTypeOf<WorkRecord>().toEqualTypeOf<Work>()
    expectTypeOf<Curation>().toExtend<CurationRecord>()
  })

  it('accept what the app writes and refuse a wrong-typed field', () => {
    expect(CurationRecord.safeParse(emptyCuration()).success).toBe(true)
    expect(CurationRecord.safeParse({ ...emptyCuration(), tags: [null] }).success).toBe(false)
    const review: Review = {
      id: 'rv_1',
      workId: 'wk_1',
      importId: 'im_1',
      importedAt: '2026-01-01T00:00:00.000Z',
      rating: 7,
      title: 'A headline',
      author: 'someone',
      date: '2006-03-11',
      bylineRaw: 'someone11 March 2006',
      bylineAmbiguous: false,
      bylineAlternatives: [],
      spoiler: false,
      helpful: null,
      body: 'Body.',
      truncated: false,
    }
    expect(ReviewRecord.safeParse(review).success).toBe(true)
    expect(ReviewRecord.safeParse({ ...review, date: 12345 }).success).toBe(false)
    expect(WorkRecord.safeParse({ id: 'wk_1', title: 'T', year: '2004' }).success).toBe(false)
  })
})
