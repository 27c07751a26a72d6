import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ReviewRecord } from '../../../shared/records/review'
import { isReviewRecord } from '../../../electron/domain/store/review-shape'
import { validateReviewsFile, type SetAside } from '../../../electron/domain/store/validate'

// The quick review check must accept exactly what the ReviewRecord schema accepts: were it to
// accept more, a wrong-typed review would slip past quarantine; were it to refuse more, zod would
// still decide, but the tests below would show the two drifting apart.

const FIELDS = Object.keys(ReviewRecord.shape)

const edgeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  10,
  10.000001,
  11,
  2 ** 53,
  2 ** 53 - 1,
  -(2 ** 53),
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
)

/** Any value a field could hold after JSON.parse, plus numbers JSON cannot hold. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  edgeNumber,
  fc.constantFrom('', 'x', null, true, false, [], {}, [{ author: 'a', date: 'b' }], ['a', 'b']),
  fc.constantFrom(
    { author: 'a' },
    { date: 'b' },
    { author: 'a', date: 1 },
    { author: 2, date: 'b' },
  ),
  fc.record({ yes: fc.oneof(fc.integer(), edgeNumber), total: fc.oneof(fc.integer(), edgeNumber) }),
)

const validReview = fc.record({
  id: fc.string({ minLength: 1 }),
  workId: fc.string(),
  importId: fc.string(),
  importedAt: fc.string(),
  rating: fc.option(fc.double({ min: 0, max: 10, noNaN: true })),
  title: fc.string(),
  author: fc.string(),
  date: fc.option(fc.string()),
  bylineRaw: fc.string(),
  bylineAmbiguous: fc.boolean(),
  bylineAlternatives: fc.array(fc.record({ author: fc.string(), date: fc.string() })),
  spoiler: fc.boolean(),
  helpful: fc.option(fc.record({ yes: fc.nat(), total: fc.nat() })),
  body: fc.string(),
  truncated: fc.boolean(),
})

/** A valid review with one field replaced, removed, or a nested part broken, or an extra field. */
const mutatedReview = fc
  .tuple(validReview, fc.constantFrom(...FIELDS), anyValue, fc.nat(4))
  .map(([review, field, value, how]) => {
    const r: Record<string, unknown> = { ...review }
    if (how === 0) delete r[field]
    else if (how === 1) r.extra = value
    else if (how === 2) r.bylineAlternatives = [{ author: 'a', date: 'b' }, value]
    else if (how === 3) r.helpful = { yes: value, total: 3 }
    else r[field] = value
    return r
  })

const zodAccepts = (v: unknown) => ReviewRecord.safeParse(v).success

describe('the quick review check', () => {
  it('accepts every valid review, as zod does', () => {
    fc.assert(
      fc.property(validReview, (r) => {
        expect(zodAccepts(r)).toBe(true)
        expect(isReviewRecord(r)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('agrees with zod on mutated reviews and on values that are not reviews', () => {
    let refused = 0
    fc.assert(
      fc.property(fc.oneof(mutatedReview, anyValue), (v) => {
        const expected = zodAccepts(v)
        if (!expected) refused++
        expect(isReviewRecord(v)).toBe(expected)
      }),
      { numRuns: 5000 },
    )
    // The mutations must really produce invalid reviews, or the test proves nothing.
    expect(refused).toBeGreaterThan(1000)
  })

  it('agrees with zod on each field set to each edge value', () => {
    const base = fc.sample(validReview, { numRuns: 1, seed: 7 })[0]!
    const edges = fc.sample(anyValue, { numRuns: 300, seed: 11 })
    for (const field of FIELDS) {
      for (const value of [...edges, ...fc.sample(edgeNumber, 40)]) {
        const r = { ...base, [field]: value }
        expect(isReviewRecord(r), `${field} = ${JSON.stringify(value)}`).toBe(zodAccepts(r))
      }
    }
  })

  it('leaves the quarantine message to zod', () => {
    const base = fc.sample(validReview, { numRuns: 1, seed: 3 })[0]!
    const setAside: SetAside[] = []
    const file = validateReviewsFile(
      {
        schemaVersion: 1,
        work: { id: 'wk_1', title: 'T', year: 2004 },
        reviews: [base, { ...base, id: 'rv_2', rating: 11 }, { ...base, id: 'rv_3', date: 5 }],
      },
      (s) => setAside.push(s),
    )
    expect(file.reviews).toEqual([base])
    expect(setAside.map((s) => `${s.field}: ${s.reason}`)).toEqual([
      'reviews[1]: field "rating": Too big: expected number to be <=10',
      'reviews[2]: field "date": expected string, received number',
    ])
  })
})
