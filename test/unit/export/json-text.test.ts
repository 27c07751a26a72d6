import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Curation, Highlight, Review } from '../../../shared/domain'
import { jsonNumber, jsonString, jsonStrings } from '../../../electron/domain/export/json-text'
import { fullRecordJson, reviewRecord } from '../../../electron/domain/export/json-writer'

const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 300) }

// Strings weighted towards what the fast path must get right: the three escapes it does itself,
// the control characters and lone surrogates it hands to JSON.stringify, and emoji pairs.
const tricky = fc.constantFrom('\\', '"', '\n', '\r', '\t', '\u0000', '\u001f', '\ud800', '\udfff')
const text = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc
    .array(fc.oneof(tricky, fc.string(), fc.constant('😀 Sørensen ’')), { maxLength: 12 })
    .map((parts) => parts.join('')),
)

describe('jsonString', () => {
  it('is JSON.stringify for every string', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(jsonString(s)).toBe(JSON.stringify(s))
      }),
      RUNS,
    )
  })

  it('escapes backslashes before the quotes and newlines it adds', () => {
    expect(jsonString('a\\"b\\\nc')).toBe(String.raw`"a\\\"b\\\nc"`)
    expect(JSON.parse(jsonString('a\\"b\\\nc'))).toBe('a\\"b\\\nc')
  })

  it('leaves a lone surrogate to JSON.stringify, which escapes it', () => {
    expect(jsonString('x\ud800y')).toBe('"x\\ud800y"')
  })

  it('writes numbers and lists as JSON.stringify does', () => {
    for (const n of [null, 0, -0, 7.5, 10, NaN, Infinity]) {
      expect(jsonNumber(n)).toBe(JSON.stringify(n))
    }
    fc.assert(
      fc.property(fc.array(text, { maxLength: 5 }), (l) => {
        expect(jsonStrings(l)).toBe(JSON.stringify(l))
      }),
      RUNS,
    )
  })
})

const split = fc.record({ author: text, date: text })
const highlight: fc.Arbitrary<Highlight> = fc.record({
  id: text,
  start: fc.nat(),
  end: fc.nat(),
  quote: text,
  tag: fc.option(text),
  comment: fc.option(text),
  createdAt: text,
})
// Work and import ids repeat across reviews, and their JSON is cached: draw some from a few values.
const repeated = fc.oneof(text, fc.constantFrom('wk_1', 'im_"2"', 'ünïcode\\'))
const review: fc.Arbitrary<Review> = fc.record({
  id: text,
  workId: repeated,
  importId: repeated,
  importedAt: repeated,
  rating: fc.option(fc.oneof(fc.integer({ min: 1, max: 10 }), fc.double())),
  title: text,
  author: text,
  date: fc.option(text),
  bylineRaw: text,
  bylineAmbiguous: fc.boolean(),
  bylineAlternatives: fc.array(split, { maxLength: 3 }),
  spoiler: fc.boolean(),
  helpful: fc.option(fc.record({ yes: fc.nat(), total: fc.nat() })),
  body: text,
  truncated: fc.boolean(),
})
const curation: fc.Arbitrary<Curation> = fc.record({
  tags: fc.array(text, { maxLength: 4 }),
  note: fc.option(text),
  myRating: fc.option(fc.integer({ min: 1, max: 10 })),
  kept: fc.boolean(),
  reviewed: fc.boolean(),
  highlights: fc.array(highlight, { maxLength: 3 }),
  bylineCorrection: fc.option(split),
  updatedAt: text,
})

describe('fullRecordJson', () => {
  it('is JSON.stringify of the full record: same keys, same order, same escapes', () => {
    const record = fullRecordJson()
    fc.assert(
      fc.property(review, curation, text, fc.option(fc.integer()), (r, c, title, year) => {
        const work = { id: r.workId, title, year }
        const workJson = JSON.stringify({ title, year })
        expect(record({ review: r, curation: c }, workJson)).toBe(
          JSON.stringify(reviewRecord({ review: r, curation: c }, work, 'all')),
        )
      }),
      RUNS,
    )
  })
})
