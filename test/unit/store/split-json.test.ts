import fc from 'fast-check'
import { isAscii } from 'node:buffer'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseSplitJson } from '../../../electron/domain/store/split-json'
import { asciiJson, jsonPieces } from '../../../electron/domain/store/write-json-chunked'
import { commitImport } from '../../../electron/app/import/apply-import'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importHarness, parsedFile, parsedReview } from '../import/support'

// Review files are parsed a chunk of reviews at a time. Whatever the bytes, the result must be
// exactly JSON.parse's, or null (the caller then parses the whole text and reports any damage as
// before): never a different object.

const review = fc.record({
  id: fc.string(),
  title: fc.string({ unit: 'binary' }),
  body: fc.oneof(fc.string(), fc.constant('},{"id":"x"}'), fc.constant('"reviews":[')),
  rating: fc.option(fc.integer({ min: 0, max: 10 })),
  bylineAlternatives: fc.array(fc.record({ author: fc.string(), id: fc.string() })),
})

const reviewsFile = fc.record({
  schemaVersion: fc.constant(1),
  work: fc.record({ id: fc.string(), title: fc.string({ unit: 'binary' }) }),
  reviews: fc.array(review, { maxLength: 12 }),
})

/** The file as the app writes it: jsonPieces, optionally with non-ASCII escaped. */
const written = (data: unknown, ascii: boolean): Buffer => {
  const json = [...jsonPieces(data)].join('')
  return Buffer.from(ascii ? asciiJson(json) : json, 'utf8')
}

const encodingOf = (bytes: Buffer) => (isAscii(bytes) ? 'latin1' : 'utf8')

function wholeParse(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString(encodingOf(bytes)))
  } catch {
    return undefined
  }
}

const split = (bytes: Buffer, chunk: number) =>
  parseSplitJson(bytes, 'reviews', 'id', encodingOf(bytes), chunk)

describe('parseSplitJson', () => {
  it('reads every file the app writes, exactly as JSON.parse does', () => {
    fc.assert(
      fc.property(reviewsFile, fc.boolean(), fc.integer({ min: 1, max: 400 }), (data, ascii, n) => {
        const bytes = written(data, ascii)
        expect(split(bytes, n)).toEqual(JSON.parse(bytes.toString(encodingOf(bytes))))
      }),
      { numRuns: 400 },
    )
  })

  it('returns JSON.parse’s object or null for cut, spliced and reshaped files', () => {
    let refused = 0
    const mutation = fc.oneof(
      // Cut the file, or lose one byte, or put a byte somewhere.
      fc.tuple(fc.constant('cut'), fc.nat(), fc.nat(255)),
      fc.tuple(fc.constant('drop'), fc.nat(), fc.nat(255)),
      fc.tuple(fc.constant('insert'), fc.nat(), fc.constantFrom(...'{}[],:"\\ 0')),
    )
    fc.assert(
      fc.property(reviewsFile, mutation, fc.integer({ min: 1, max: 300 }), (data, m, n) => {
        const bytes = written(data, true)
        const [kind, at, b] = m
        const i = at % (bytes.length + 1)
        const mutated =
          kind === 'cut'
            ? bytes.subarray(0, i)
            : kind === 'drop'
              ? Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)])
              : Buffer.concat([bytes.subarray(0, i), Buffer.from(String(b)), bytes.subarray(i)])
        const got = split(mutated, n)
        if (got === null) refused++
        else expect(got).toEqual(wholeParse(mutated))
      }),
      { numRuns: 2000 },
    )
    expect(refused).toBeGreaterThan(100)
  })

  it('refuses layouts other than the writer’s instead of misreading them', () => {
    const cases = [
      '{"reviews":[{"id":"a"}],"work":{"id":"w"}}',
      '{"reviews":[{"id":"a"}],"x":[{"id":"b"}]}',
      '{"work":{"reviews":[{"id":"a"},{"id":"b"}]}}',
      '{"a":[{"reviews":[{"id":"a"},{"id":"b"}]}]}',
      '[{"reviews":[{"id":"a"},{"id":"b"}]}]',
      '{"reviews":[{"id":"a"},{"id":"b"}]} ',
      '{"reviews":{"id":"a"},{"id":"b"}]}',
    ]
    for (const text of cases) {
      const bytes = Buffer.from(text)
      for (const n of [1, 4, 100]) {
        const got = split(bytes, n)
        if (got !== null) expect(got, text).toEqual(wholeParse(bytes))
      }
      expect(split(bytes, 1), text).toBeNull()
    }
  })

  it('splits a file into several chunks and finds the nested id keys are not reviews', () => {
    const data = {
      schemaVersion: 1,
      work: { id: 'w' },
      reviews: [
        { id: 'a', bylineAlternatives: [{ id: 'n1' }, { id: 'n2' }] },
        { id: 'b', body: 'x},{"id":"y' },
        { id: 'c' },
      ],
    }
    const bytes = written(data, true)
    for (const n of [1, 2, 5, 10, 1000]) expect(split(bytes, n)).toEqual(data)
  })
})

describe('review files written by an import', () => {
  it('are read a chunk at a time and reopen to the same reviews', async () => {
    const h = await importHarness()
    try {
      const reviews = Array.from({ length: 40 }, (_, i) =>
        parsedReview({
          title: `Headline ${i} “quoted”`,
          author: `user${i}`,
          body: `Body ${i} ${'text, with {braces} and "quotes" '.repeat(i)}`,
        }),
      )
      await commitImport(h.library, [parsedFile('page.txt', reviews)])
      const [work] = h.library.allWorks()
      const bytes = await readFile(join(h.library.dir, 'reviews', `${work!.id}.json`))
      const fast = parseSplitJson(bytes, 'reviews', 'id', encodingOf(bytes), 256)
      // Null would mean the reader fell back to parsing the whole text: correct, but slow.
      expect(fast).not.toBeNull()
      expect(fast).toEqual(JSON.parse(bytes.toString()))
      const before = [...h.library.allReviews()]
      await h.library.close()
      const again = await openLibrary(h.library.dir)
      expect([...again.allReviews()]).toEqual(before)
      await again.close()
    } finally {
      await h.cleanup()
    }
  })
})
