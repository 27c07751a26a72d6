import { describe, it, expect } from 'vitest'
import fc from 'fast-check'
import { readFileSync } from 'node:fs'
import { decodeDump, parseDump, parseDumpSteps } from '../../../electron/domain/parsers'
import { BadInputError } from '../../../electron/domain/errors'
import type { ParseResult } from '../../../shared/domain'
import { fixtureText } from './load-fixture'

const reference = readFileSync(
  new URL('../../fixtures/imdb/pusher-ii-2004.txt', import.meta.url),
  'utf8',
)
const referenceLines = reference.split('\n')
const SAMPLES = [
  'imdb-mobile-thin-ice.txt',
  'imdb-legacy-pusher.txt',
  'imdb-user-reviews.txt',
  'generic-reviews.txt',
  'scraper.csv',
  'scraper.jsonl',
  'imdb-title-reviews.html',
  'imdb-desktop-2024.txt',
  'imdb-title-reviews-2024.html',
  'imdb-single-review.txt',
  'imdb-desktop-two-pages.txt',
  'scraper-nested.json',
  'scraper.tsv',
]
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 60) }

/** Parses through the step API (the way the app runs large dumps), counting the steps. */
function parseCounted(text: string, fileName: string): { result: ParseResult; steps: number } {
  const steps = parseDumpSteps(text, fileName)
  for (let count = 0; ; count++) {
    const next = steps.next()
    if (next.done === true) return { result: next.value, steps: count }
    // No hang: a bounded input gives a bounded number of steps.
    expect(count).toBeLessThan(10000)
  }
}

/** The contract: reviews with sane line numbers, or a BadInputError naming the file. */
function checkOutcome(text: string, fileName: string): void {
  let outcome: ParseResult
  try {
    outcome = parseCounted(text, fileName).result
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError)
    expect((error as Error).message.startsWith(fileName)).toBe(true)
    return
  }
  expect(outcome.reviews.length).toBeGreaterThan(0)
  const lineCount = text.split(/\r\n?|\n/).length
  for (const item of [...outcome.reviews, ...outcome.fragments]) {
    expect(item.line).toBeGreaterThanOrEqual(1)
    if (outcome.format !== 'imdb-html') {
      expect(item.line).toBeLessThanOrEqual(lineCount)
    }
  }
  for (const review of outcome.reviews) {
    if (review.rating !== null) expect(review.rating).toBeGreaterThanOrEqual(1)
    if (review.rating !== null) expect(review.rating).toBeLessThanOrEqual(10)
  }
}

type Mutation = (lines: string[]) => string[]

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.nat().map((n) => (lines: string[]) => lines.filter((_, k) => k !== n % lines.length)),
  fc.nat().map((n) => (lines: string[]) => {
    const k = n % lines.length
    return [...lines.slice(0, k + 1), lines[k] ?? '', ...lines.slice(k + 1)]
  }),
  fc.tuple(fc.nat(), fc.nat()).map(([a, b]) => (lines: string[]) => {
    const out = [...lines]
    const i = a % out.length
    const j = b % out.length
    ;[out[i], out[j]] = [out[j] ?? '', out[i] ?? '']
    return out
  }),
  fc.tuple(fc.nat(), fc.string({ maxLength: 80 })).map(([n, noise]) => (lines: string[]) => {
    const k = n % (lines.length + 1)
    return [...lines.slice(0, k), noise, ...lines.slice(k)]
  }),
  fc.nat().map((n) => (lines: string[]) => lines.slice(0, 1 + (n % lines.length))),
  fc.nat().map((n) => (lines: string[]) => lines.slice(n % lines.length)),
)

describe('property: mutated dumps never break the parser', () => {
  it('the reference dump with deleted, duplicated, swapped, noisy and truncated lines', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 8 }), (mutations) => {
        const lines = mutations.reduce(
          (acc, m) => (acc.length === 0 ? acc : m(acc)),
          referenceLines,
        )
        checkOutcome(lines.join('\n'), 'mutated.txt')
      }),
      RUNS,
    )
  })

  it('every family of sample dump, mutated', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...SAMPLES),
        fc.array(mutation, { minLength: 1, maxLength: 5 }),
        (name, mutations) => {
          const lines = mutations.reduce(
            (acc, m) => (acc.length === 0 ? acc : m(acc)),
            fixtureText(name).split('\n'),
          )
          checkOutcome(lines.join('\n'), name)
        },
      ),
      RUNS,
    )
  })

  it('text injected between reviews loses no review and is kept as a fragment', () => {
    const expected = parseDump(reference, 'ref.txt').reviews.map((r) => r.title)
    const permalinks = referenceLines.flatMap((line, k) => (line === 'Permalink' ? [k] : []))
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(), fc.stringMatching(/^[a-zæøå]{3,12}( [a-zæøå]{1,12}){0,5}$/)), {
          minLength: 1,
          maxLength: 6,
        }),
        (insertions) => {
          const lines = [...referenceLines]
          const noise = new Map<number, string>()
          for (const [n, words] of insertions)
            noise.set(permalinks[n % permalinks.length] ?? 0, `noise: ${words}`)
          for (const [k, text] of [...noise].sort((a, b) => b[0] - a[0]))
            lines.splice(k + 1, 0, text)
          const result = parseDump(lines.join('\n'), 'noisy.txt')
          expect(result.reviews.map((r) => r.title)).toEqual(expected)
          const kept = result.fragments.map((f) => f.text).join('\n')
          for (const text of noise.values()) expect(kept).toContain(text)
        },
      ),
      RUNS,
    )
  })

  it('line endings and encodings change nothing in what is found', () => {
    const expected = parseDump(reference, 'ref.txt')
    fc.assert(
      fc.property(
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
        (eol, encoding) => {
          const bytes = encode(reference.replace(/\n/g, eol), encoding)
          const result = parseDump(decodeDump(bytes, 'ref.txt').text, 'ref.txt')
          expect(result.reviews).toEqual(expected.reviews)
        },
      ),
      { numRuns: 12 },
    )
  })
})

describe('property: random input gets reviews or a clear refusal', () => {
  it('random text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 2000 }), (text) =>
        checkOutcome(text, 'random.txt'),
      ),
      RUNS,
    )
  })

  it('random lines built from review-like pieces', () => {
    const piece = fc.constantFrom(
      '8/10',
      'Headline',
      'Name12 March 2006',
      '1 out of 2 found this helpful.',
      'Permalink',
      '',
      'Warning: Spoilers',
      'Body text here.',
      '• 7/10',
      'Åsa • Mar 3, 2004',
      '12 May 2004',
      'Author: Bo from Lund',
      '33 out of 44 people found the following review useful:',
      'Thin Ice (2020– )',
      '44 Reviews',
      'See also',
      '★★★☆☆',
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 300 }), (pieces) =>
        checkOutcome(pieces.join('\n'), 'pieces.txt'),
      ),
      RUNS,
    )
  })

  it('random bytes through the decoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        let text: string
        try {
          text = decodeDump(bytes, 'bytes.bin').text
        } catch (error) {
          expect(error).toBeInstanceOf(BadInputError)
          expect((error as Error).message).toMatch(/^bytes\.bin /)
          return
        }
        checkOutcome(text, 'bytes.bin')
      }),
      RUNS,
    )
  })

  it('random JSON values and CSV text', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) =>
        checkOutcome(JSON.stringify(value), 'random.json'),
      ),
      RUNS,
    )
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ maxLength: 20 }), { maxLength: 6 }), { maxLength: 30 }),
        (rows) =>
          checkOutcome(
            ['text,rating,author', ...rows.map((r) => r.join(','))].join('\n'),
            'random.csv',
          ),
      ),
      RUNS,
    )
  })
})

function encode(text: string, encoding: string): Uint8Array {
  const utf8 = new TextEncoder().encode(text)
  if (encoding === 'utf-8') return utf8
  if (encoding === 'utf-8-bom') return new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])
  const little = encoding === 'utf-16le'
  const bytes = new Uint8Array(2 + text.length * 2)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0xfeff, little)
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), little)
  return bytes
}
