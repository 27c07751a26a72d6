import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { CurationFileFrame, CurationRecord } from '../../../shared/records/curation'
import {
  isCurationFileFrame,
  isCurationRecord,
} from '../../../electron/domain/store/curation-shape'
import { validateCurationFile, type SetAside } from '../../../electron/domain/store/validate'

// The quick curation check must accept exactly what the CurationRecord schema accepts: were it to
// accept more, a wrong-typed item would slip past quarantine; were it to refuse more, zod would
// still decide, but these tests would show the two drifting apart.

const FIELDS = Object.keys(CurationRecord.shape)
const HIGHLIGHT_FIELDS = ['id', 'start', 'end', 'quote', 'tag', 'comment', 'createdAt']

const edgeNumber = fc.constantFrom(
  0,
  -0,
  -1,
  0.5,
  1,
  10,
  10.5,
  11,
  2 ** 53,
  2 ** 53 - 1,
  Number.NaN,
  Number.POSITIVE_INFINITY,
)

/** Any value a field could hold after JSON.parse (or left undefined), plus numbers JSON cannot hold. */
const anyValue = fc.oneof(
  fc.jsonValue(),
  edgeNumber,
  fc.constantFrom('', 'x', null, undefined, true, false, [], {}, ['a', 1], [null]),
  fc.constantFrom({ author: 'a' }, { author: 'a', date: 'b' }, { author: 1, date: 'b' }),
)

const validHighlight = fc.record({
  id: fc.string(),
  start: fc.nat(),
  end: fc.nat(),
  quote: fc.string(),
  tag: fc.option(fc.string()),
  comment: fc.option(fc.string()),
  createdAt: fc.string(),
})

const validItem = fc.record(
  {
    tags: fc.array(fc.string()),
    note: fc.option(fc.string()),
    myRating: fc.option(fc.integer({ min: 1, max: 10 })),
    kept: fc.boolean(),
    reviewed: fc.boolean(),
    highlights: fc.array(validHighlight, { maxLength: 3 }),
    bylineCorrection: fc.option(fc.record({ author: fc.string(), date: fc.string() })),
    updatedAt: fc.string(),
  },
  // Fields added after the first release may be missing from older files.
  { requiredKeys: ['tags', 'note', 'myRating'] },
)

/** A valid item with one field replaced, removed or broken inside, or an extra field. */
const mutatedItem = fc
  .tuple(validItem, validHighlight, fc.constantFrom(...FIELDS), anyValue, fc.nat(5))
  .map(([item, highlight, field, value, how]) => {
    const c: Record<string, unknown> = { ...item }
    if (how === 0) delete c[field]
    else if (how === 1) c.extra = value
    else if (how === 2) c.tags = ['a', value]
    else if (how === 3) {
      const key = HIGHLIGHT_FIELDS[Math.abs(JSON.stringify(value ?? 0).length) % 7]!
      c.highlights = [highlight, { ...highlight, [key]: value }]
    } else if (how === 4) c.bylineCorrection = { author: 'a', date: value }
    else c[field] = value
    return c
  })

const zodAccepts = (v: unknown) => CurationRecord.safeParse(v).success

describe('the quick curation check', () => {
  it('accepts every valid item, as zod does', () => {
    fc.assert(
      fc.property(validItem, (c) => {
        expect(zodAccepts(c)).toBe(true)
        expect(isCurationRecord(c)).toBe(true)
      }),
      { numRuns: 500 },
    )
  })

  it('agrees with zod on mutated items and on values that are not items', () => {
    let refused = 0
    fc.assert(
      fc.property(fc.oneof(mutatedItem, anyValue), (v) => {
        const expected = zodAccepts(v)
        if (!expected) refused++
        expect(isCurationRecord(v)).toBe(expected)
      }),
      { numRuns: 5000 },
    )
    // The mutations must really produce invalid items, or the test proves nothing.
    expect(refused).toBeGreaterThan(1000)
  })

  it('agrees with zod on each field, and each highlight field, set to each edge value', () => {
    const base = fc.sample(validItem, { numRuns: 1, seed: 5 })[0]!
    const highlight = fc.sample(validHighlight, { numRuns: 1, seed: 9 })[0]!
    const edges = [...fc.sample(anyValue, { numRuns: 300, seed: 13 }), ...fc.sample(edgeNumber, 40)]
    for (const value of edges) {
      for (const field of FIELDS) {
        const c = { ...base, [field]: value }
        expect(isCurationRecord(c), `${field} = ${JSON.stringify(value)}`).toBe(zodAccepts(c))
      }
      for (const field of HIGHLIGHT_FIELDS) {
        const c = { ...base, highlights: [{ ...highlight, [field]: value }] }
        expect(isCurationRecord(c), `highlights.${field} = ${JSON.stringify(value)}`).toBe(
          zodAccepts(c),
        )
      }
    }
  })

  it('agrees with zod on the file frame', () => {
    const frames = [
      { schemaVersion: 3, items: {} },
      { schemaVersion: 3.5, items: {} },
      { schemaVersion: '3', items: {} },
      { schemaVersion: 3, items: [] },
      { schemaVersion: 3, items: null },
      { schemaVersion: 3 },
      { items: {} },
      [],
      null,
      'curation',
    ]
    for (const frame of [...frames, ...fc.sample(fc.jsonValue(), { numRuns: 300, seed: 17 })]) {
      const accepted = CurationFileFrame.safeParse(frame).success
      // The quick frame check may defer to zod, never overrule it.
      if (isCurationFileFrame(frame)) expect(accepted, JSON.stringify(frame)).toBe(true)
    }
    expect(isCurationFileFrame({ schemaVersion: 3, items: {} })).toBe(true)
  })

  it('leaves the quarantine message and the damaged frame to zod', () => {
    const base = fc.sample(validItem, { numRuns: 1, seed: 3 })[0]!
    const setAside: SetAside[] = []
    const file = validateCurationFile(
      {
        schemaVersion: 3,
        items: { rv_1: base, rv_2: { ...base, myRating: 11 }, rv_3: { ...base, tags: 'drama' } },
      },
      (s) => setAside.push(s),
    )
    expect(file.items).toEqual({ rv_1: base })
    expect(setAside.map((s) => `${s.field}: ${s.reason}`)).toEqual([
      'items.rv_2: field "myRating": must be a whole number from 1 to 10',
      'items.rv_3: field "tags": expected array, received string',
    ])
    expect(() => validateCurationFile({ schemaVersion: 3, items: [] }, () => undefined)).toThrow(
      /items/,
    )
  })
})
