import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { decodeDump } from '../../../electron/domain/parsers/decode-text'
import { parseImdbTitleText } from '../../../electron/domain/parsers/imdb/title-text'
import type { ParsedReview } from '../../../shared/domain'

const fixture = (name: string): Buffer =>
  readFileSync(new URL(`../../fixtures/imdb/${name}`, import.meta.url))

interface Expected {
  format: string
  work: unknown
  declaredCount: number | null
  incomplete: boolean
  reviews: Record<string, unknown>[]
}

const expected = JSON.parse(fixture('pusher-ii-2004.expected.json').toString('utf8')) as Expected
const result = parseImdbTitleText(
  decodeDump(fixture('pusher-ii-2004.txt'), 'pusher-ii-2004.txt').text,
)

describe('reference dump: Pusher II (2004)', () => {
  it('matches the page-level fields', () => {
    expect(result.format).toBe(expected.format)
    expect(result.work).toEqual(expected.work)
    expect(result.declaredCount).toBe(expected.declaredCount)
    expect(result.incomplete).toBe(expected.incomplete)
  })

  it('finds every review and nothing else', () => {
    expect(result.reviews).toHaveLength(expected.reviews.length)
    expect(result.fragments).toEqual([])
  })

  describe.each(expected.reviews.map((review, index) => [index, review] as const))(
    'review #%i',
    (index, review) => {
      it.each(Object.keys(review))('%s', (field) => {
        const actual = result.reviews[index] as ParsedReview | undefined
        expect(actual?.[field as keyof ParsedReview]).toEqual(review[field])
      })
    },
  )

  it('lists the chosen byline split first among the alternatives', () => {
    for (const review of result.reviews) {
      expect(review.bylineAlternatives[0]).toEqual({ author: review.author, date: review.date })
      expect(review.bylineAmbiguous).toBe(review.bylineAlternatives.length > 1)
    }
  })

  it('warns about the rating-less review and each ambiguous byline', () => {
    const missing = result.warnings.filter((w) => w.code === 'missing-rating')
    expect(missing.map((w) => w.line)).toEqual([163])
    const ambiguous = result.warnings.filter((w) => w.code === 'ambiguous-byline')
    expect(ambiguous).toHaveLength(expected.reviews.filter((r) => r.bylineAmbiguous).length)
    expect(ambiguous[0]).toMatchObject({ line: 13 })
    expect(ambiguous[0]?.message).toContain('UlrikSander1')
    expect(
      result.warnings.every((w) => ['missing-rating', 'ambiguous-byline'].includes(w.code)),
    ).toBe(true)
  })

  it('records the 1-based line of each review', () => {
    expect(result.reviews.slice(0, 3).map((r) => r.line)).toEqual([11, 27, 37])
    expect(result.reviews.every((r) => !r.truncated)).toBe(true)
  })
})
