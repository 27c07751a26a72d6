import { describe, it, expect } from 'vitest'
import { detectFormat, parseDump } from '../../../electron/domain/parsers'
import { parseDate } from '../../../electron/domain/parsers/dates'
import { ratingLineOf } from '../../../electron/domain/parsers/rating-scale'
import { codes, fixtureText, parseFixture } from './load-fixture'

describe('generic review lists from other sites', () => {
  const result = parseFixture('generic-reviews.txt')

  it('is labelled generic, with a warning that says so', () => {
    expect(detectFormat(fixtureText('generic-reviews.txt'))).toBe('generic-text')
    expect(result.format).toBe('generic-text')
    expect(result.generic).toBe(true)
    expect(result.warnings[0]?.code).toBe('generic-parser')
  })

  it('names the work from a heading like `Customer reviews for "Jagten" (2012)`', () => {
    expect(result.work).toEqual({ title: 'Jagten', year: 2012 })
    expect(result.fragments).toEqual([])
  })

  it('reads author, date in three formats and rating as stars, x/10 and "Rating: x/10"', () => {
    expect(result.reviews.map((r) => [r.author, r.date, r.rating])).toEqual([
      ['Karin Bengtsson', '2018-01-01', 8],
      ['Mikael Sjöberg', '1996-08-30', 4],
      ['Pernille Højmark', '2002-11-13', 9],
    ])
  })

  it('reports the author it guessed from a bare name line', () => {
    const guess = result.warnings.find((w) => w.code === 'generic-author-guess')
    expect(guess).toMatchObject({ line: 3 })
    expect(guess?.message).toContain('Karin Bengtsson')
  })

  it('keeps metadata-looking text in the body', () => {
    expect(result.reviews[0]?.body).toContain('is a 4 out of 10 for subtlety')
    expect(result.reviews[1]?.body).toBe(
      'I expected more after all the hype. I give it 9.2 for acting and 2 for the script.',
    )
    expect(result.reviews[2]?.body).toContain('Pusher 1-3 fans')
  })

  it('keeps text above the first review as a fragment with its line', () => {
    const text = 'Some site navigation\nHome | Films\n\n' + fixtureText('generic-reviews.txt')
    const parsed = parseDump(text, 'site.txt')
    expect(parsed.fragments[0]?.line).toBe(1)
    expect(parsed.fragments[0]?.text).toContain('Some site navigation')
    expect(codes(parsed)).toContain('unparsed-fragment')
    expect(parsed.reviews).toHaveLength(3)
  })
})

describe('generic: store and film-diary layouts', () => {
  const result = parseFixture('generic-store-and-diary.txt')

  it('reads "5.0 out of 5 stars Title", "Reviewed in X on date" and "Review by Name ★★★½"', () => {
    expect(result.format).toBe('generic-text')
    expect(result.reviews.map((r) => [r.author, r.rating, r.title, r.date])).toEqual([
      ['Jens Hansen', 10, 'Fantastisk film', '2018-01-01'],
      ['Lise Ødegaard', 4, 'Kedelig', '2019-02-03'],
      ['Karl Åström', 7, '', '2018-01-01'],
    ])
    expect(result.reviews[0]?.body).toContain('Jeg giver den 9.2 ud af 10.')
  })

  it('keeps the page heading as a fragment', () => {
    expect(result.fragments).toEqual([{ line: 1, text: 'Top reviews from Denmark' }])
  })
})

describe('dates and ratings in common notations', () => {
  it.each([
    ['Jan 1, 2018', '2018-01-01'],
    ['1 January 2018', '2018-01-01'],
    ['1996/08/30', '1996-08-30'],
    ['13/11/2002 12:54', '2002-11-13'],
    ['2019-05-04T18:22:00Z', '2019-05-04'],
    ['Sept 3, 2001', '2001-09-03'],
  ])('%s', (text, iso) => {
    expect(parseDate(text)?.iso).toBe(iso)
  })

  it('refuses impossible dates and marks day/month ambiguity', () => {
    expect(parseDate('31 April 2010')).toBeNull()
    expect(parseDate('13/13/2002')).toBeNull()
    expect(parseDate('03/01/2005')).toEqual({ iso: '2005-01-03', ambiguous: true })
  })

  it.each([
    ['4/10', 4],
    ['★★★★☆', 8],
    ['★★★½', 7],
    ['Rating: 9/10', 9],
    ['4.5 out of 5 stars', 9],
    ['72/100', 7],
  ])('%s is %i of 10', (line, ten) => {
    expect(ratingLineOf(line)?.rating).toBe(ten)
  })

  it('does not read sentences as ratings', () => {
    expect(ratingLineOf('I give it 9.2')).toBeNull()
    expect(ratingLineOf('a 4 out of 10 at best, really, and I mean it')).toBeNull()
  })
})
