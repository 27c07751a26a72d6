import { describe, expect, it } from 'vitest'
import { detectFormat, parseDump } from '../../../../electron/domain/parsers'
import { BadInputError } from '../../../../electron/domain/errors'
import { rank, type Candidate } from '../../../../electron/domain/parsers/families/choose-family'
import type { ParsedReview, ParseResult } from '../../../../shared/domain'
import { fixtureText } from '../load-fixture'

const MOBILE =
  'User Reviews (581)\n\nAdd a Review\n\n  • A body with 8/10 in it.\n  • Another body.\n'

function candidate(family: string, reviews: Partial<ParsedReview>[], unread = ''): Candidate {
  const result: ParseResult = {
    format: 'generic-text',
    work: null,
    declaredCount: null,
    incomplete: false,
    reviews: reviews.map((r, i) => ({
      line: i + 1,
      rating: null,
      title: '',
      author: '',
      date: null,
      bylineRaw: '',
      bylineAmbiguous: false,
      bylineAlternatives: [],
      spoiler: false,
      helpful: null,
      body: 'text',
      truncated: false,
      ...r,
    })),
    warnings: [],
    fragments: unread === '' ? [] : [{ line: 1, text: unread }],
  }
  return { family, label: family, generic: true, result }
}

describe('detection by scoring every reading', () => {
  it('picks the best reading, not the first one that matches', () => {
    const text = 'header line\nbody body body'
    const first = candidate('first', [{ body: 'body body body' }], 'header line')
    const better = candidate('better', [{ body: 'body body body', author: 'Ann' }])
    expect(rank([first, better], text)?.detection.family).toBe('better')
  })

  it('counts implausible fields against a reading (a sentence read as a headline)', () => {
    const text = 'x'
    const merged = candidate('merged', [
      {
        title: 'This is a whole sentence from the body of a review.',
        author: 'Ann',
        date: '2020-01-01',
      },
    ])
    const honest = candidate('honest', [{ date: '2020-01-01' }])
    expect(rank([merged, honest], text)?.detection.family).toBe('honest')
  })

  it('reads a mobile page that declares reviews instead of refusing it, and names the family', () => {
    const result = parseDump(MOBILE, 'mobile.txt')
    expect(result.reviews).toHaveLength(2)
    expect(result.detection).toMatchObject({ family: 'imdb-mobile-title' })
    expect(result.detection?.confidence).toBeGreaterThan(0.5)
    const note = result.warnings.find((w) => w.code === 'detected-family')
    expect(note?.message).toMatch(/^Read as IMDb mobile title page \(confidence \d\.\d\d/)
    expect(detectFormat(MOBILE)).toBe('imdb-title-reviews-mobile-text')
  })

  it('keeps the reference page on the IMDb layout parser', () => {
    const result = parseDump(fixtureText('imdb-desktop-2024.txt'), 'desktop.txt')
    expect(result.detection?.family).toBe('imdb-layouts')
  })

  it('refuses a page without reviews with a specific error', () => {
    expect(() => parseDump('Just a shopping list\nmilk\neggs\n', 'list.txt')).toThrow(BadInputError)
    expect(() => parseDump('Just a shopping list\nmilk\neggs\n', 'list.txt')).toThrow(
      /^list\.txt is not a review page/,
    )
    expect(detectFormat('Just a shopping list\nmilk\n')).toBeNull()
  })

  it('honours a format override by letting only that format’s families compete', () => {
    const result = parseDump(MOBILE, 'mobile.txt', { format: 'generic-text' })
    expect(result.format).toBe('generic-text')
    expect(result.detection?.family).not.toBe('imdb-mobile-title')
  })
})

describe('the import report', () => {
  it('names the family and its confidence for every text page, IMDb layouts included', () => {
    const result = parseDump(fixtureText('imdb-desktop-2024.txt'), 'desktop.txt')
    const note = result.warnings.find((w) => w.code === 'detected-family')
    expect(note?.message).toMatch(/^Read as IMDb user reviews page \(copied text\) \(confidence/)
  })
})

describe('the corpus score', () => {
  it('charges a merged review its fields and counts invented ones as extra', async () => {
    const { scorePage } = await import('../../../score/expected')
    const want = (body: string) => ({
      work: null,
      title: '',
      author: 'A',
      date: null,
      rating: null,
      spoiler: false,
      helpful: null,
      body,
      truncated: false,
    })
    const score = scorePage(
      [want('one'), want('two')],
      [{ ...want('one'), author: 'B' }, want('invented')],
    )
    expect(score).toEqual({ fields: 20, exact: 9, expected: 2, found: 1, extra: 1 })
  })
})
