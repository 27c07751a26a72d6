import { describe, it, expect } from 'vitest'
import { detectFormat, parseDump } from '../../../electron/domain/parsers'
import type { ParseResult } from '../../../shared/domain'
import { codes, fixtureText, parseFixture } from './load-fixture'

describe('IMDb mobile layout', () => {
  const result = parseFixture('imdb-mobile-thin-ice.txt')

  it('is detected and reads the title, the series year and the declared count', () => {
    expect(result.format).toBe('imdb-title-reviews-mobile-text')
    expect(result.work).toEqual({ title: 'Thin Ice', year: 2020 })
    expect(result.declaredCount).toBe(581)
    expect(result.incomplete).toBe(true)
    expect(result.fragments).toEqual([])
  })

  it('reads bullet ratings, "Name • date" bylines and bullet spoiler marks', () => {
    expect(result.reviews.map((r) => [r.rating, r.author, r.date, r.spoiler])).toEqual([
      [8, 'Åsa Lindqvist', '2020-02-23', false],
      [4, 'Bjørn Kragh-Østergaard', '2020-03-01', true],
      [null, 'Märta Öberg', '2020-03-12', false],
    ])
    expect(result.reviews[1]?.helpful).toEqual({ yes: 1204, total: 1530 })
  })

  it('removes the indentation of bodies and keeps metadata-like text in them', () => {
    const body = result.reviews[0]?.body ?? ''
    expect(body.startsWith('Thin Ice (Tunn is) takes')).toBe(true)
    expect(body).toContain('\n\nLena Endre is excellent')
    expect(body).toContain('I give it 9.2 in my head')
    expect(body.split('\n').every((line) => !line.startsWith(' '))).toBe(true)
    expect(result.reviews[1]?.body).toMatch(/^The ending is a 4 out of 10 at best\./)
  })

  it('warns plainly that the page declares more reviews than the copy holds', () => {
    const warning = result.warnings.find((w) => w.code === 'incomplete')
    expect(warning?.message).toContain('declares 581 reviews but the copy holds 3')
  })
})

describe('IMDb per-user review pages', () => {
  const result = parseFixture('imdb-user-reviews.txt')

  it('is detected; the author of every review is the page owner', () => {
    expect(result.format).toBe('imdb-user-reviews-text')
    expect(result.reviews.map((r) => r.author)).toEqual(Array(4).fill('UlrikSander'))
    expect(result.reviews.map((r) => r.date)).toEqual([
      '2006-03-11',
      '2020-04-02',
      '1996-08-30',
      '2011-05-17',
    ])
  })

  it('names the work of each review, series and quoted titles included, none when missing', () => {
    expect(result.work).toBeNull()
    expect(result.reviews.map((r) => r.work ?? null)).toEqual([
      { title: 'Pusher II', year: 2004 },
      { title: 'Thin Ice', year: 2020 },
      { title: 'Monster', year: 2004 },
      null,
    ])
  })

  it('takes the owner from the name over "Joined Mar 2006"', () => {
    const text = fixtureText('imdb-user-reviews.txt').replace(
      'Reviews by UlrikSander',
      'UlrikSander\nJoined Mar 2006',
    )
    const joined = parseFixtureText(text)
    expect(joined.reviews.map((r) => r.author)).toEqual(Array(4).fill('UlrikSander'))
    expect(joined.fragments).toEqual([])
  })

  it('reads a per-user page in the newer layout: work, rating, headline, body, votes, date', () => {
    const text = [
      "Bodil Ærø's Reviews",
      'Thin Ice (2020– )',
      '9/10',
      'Kold og klog',
      'Grønland som aldrig før.',
      'Helpful•12',
      '1',
      'Mar 3, 2020',
      '"Monster" (2004)',
      '8/10',
      'Langsom men god',
      'Kræver tålmodighed.',
      'Helpful•3',
      '0',
      'Apr 1, 2021',
    ].join('\n')
    const result = parseFixtureText(text)
    expect(result.reviews.map((r) => [r.work, r.rating, r.title, r.author, r.date])).toEqual([
      [{ title: 'Thin Ice', year: 2020 }, 9, 'Kold og klog', 'Bodil Ærø', '2020-03-03'],
      [{ title: 'Monster', year: 2004 }, 8, 'Langsom men god', 'Bodil Ærø', '2021-04-01'],
    ])
  })

  it('keeps "Pusher 1-3" and "80.000 kroner" in the body', () => {
    expect(result.reviews[0]?.body).toContain('Pusher 1-3 is my favorite')
    expect(result.reviews[0]?.body).toContain('80.000 kroner')
    expect(result.reviews[0]?.rating).toBe(8)
  })

  it('leaves the author empty with a warning when the page does not name its owner', () => {
    const text = fixtureText('imdb-user-reviews.txt').replace('Reviews by UlrikSander\n', '')
    const anonymous = parseFixtureText(text)
    expect(anonymous.reviews.every((r) => r.author === '')).toBe(true)
    expect(codes(anonymous)).toContain('missing-author')
  })
})

describe('IMDb single-review pages', () => {
  const result = parseFixture('imdb-single-review.txt')

  it('reads the one review, author over a bare date, helpful line after a blank line', () => {
    expect(result.format).toBe('imdb-single-review-text')
    expect(result.work).toEqual({ title: 'Pusher II', year: 2004 })
    expect(result.reviews).toHaveLength(1)
    expect(result.reviews[0]).toMatchObject({
      rating: 8,
      title: 'Gritty, bleak and unforgettable',
      author: 'Søren Kjærsgaard',
      date: '2009-02-08',
      helpful: { yes: 23, total: 26 },
      truncated: false,
    })
  })

  it('keeps the "Recently Viewed" footer out of the review and the fragments', () => {
    expect(result.reviews[0]?.body).not.toContain('Recently Viewed')
    expect(result.reviews[0]?.body.split('\n\n')).toHaveLength(2)
    expect(result.fragments).toEqual([])
  })
})

describe('older IMDb layouts', () => {
  const result = parseFixture('imdb-legacy-pusher.txt')

  it('is detected and reads the declared count from "Index 44 reviews in total"', () => {
    expect(result.format).toBe('imdb-legacy-text')
    expect(result.declaredCount).toBe(44)
    expect(result.work).toEqual({ title: 'Pusher II', year: 2004 })
  })

  it('takes the helpful votes from the line before each review', () => {
    expect(result.reviews.map((r) => r.helpful)).toEqual([
      { yes: 33, total: 44 },
      { yes: 12, total: 13 },
      null,
    ])
  })

  it('reads "Author: name from place", "Summary, date" and the spoiler line', () => {
    expect(result.reviews.map((r) => [r.title, r.author, r.date, r.spoiler, r.rating])).toEqual([
      ['Gritty, bleak and unforgettable', 'PAolo-10', '2009-02-16', true, null],
      ['Bedre end etteren', 'Jens Ørum Thomsen', '2005-01-03', false, 8],
      ['Pusher 1-3, a trilogy', 'gotchast', '2005-07-21', false, null],
    ])
  })

  it('ends each body at the next review, without the vote prompt', () => {
    expect(result.reviews[0]?.body).toBe(
      'Dedicated to Hubert Selby Jr., Pusher II moves in the familiar territory of the New York writer.\n\nIt is because of the absolute absence of human empathy.',
    )
    expect(result.reviews.every((r) => !r.body.includes('useful'))).toBe(true)
    expect(result.fragments).toEqual([])
  })
})

describe('newer IMDb layout: votes and byline after the body', () => {
  const result = parseFixture('imdb-desktop-2024.txt')

  it('reads title, year and the count under "User reviews"', () => {
    expect(result.format).toBe('imdb-title-reviews-text')
    expect(result.work).toEqual({ title: 'Pusher II', year: 2004 })
    expect(result.declaredCount).toBe(44)
  })

  it('closes each review with "Helpful • up", "down" and "Name • Mon d, yyyy"', () => {
    expect(result.reviews.map((r) => [r.rating, r.author, r.date, r.spoiler, r.helpful])).toEqual([
      [8, 'UlrikSander', '2006-03-11', false, { yes: 54, total: 62 }],
      [10, 'kristianbk', '2005-01-06', true, { yes: 31, total: 39 }],
      [null, 'Anne-Sofie Ågård', '2001-06-04', false, { yes: 1204, total: 1530 }],
      [7, '', null, false, null],
    ])
    expect(result.reviews[0]?.body).toContain('I give it 9.2 in my head.')
    expect(result.reviews[0]?.body).not.toContain('Helpful')
  })

  it('keeps the last review, cut off by the copy, as truncated', () => {
    expect(result.reviews[3]).toMatchObject({
      truncated: true,
      title: 'Quiet with the smell of salt water and concrete',
    })
    expect(result.fragments).toEqual([])
  })
})

describe('IMDb desktop variants', () => {
  it('reads two pages pasted one after another once, with spaces and thousands separators', () => {
    const result = parseFixture('imdb-desktop-two-pages.txt')
    expect(result.format).toBe('imdb-title-reviews-text')
    expect(result.work).toEqual({ title: 'Pusher', year: 1996 })
    expect(result.declaredCount).toBe(31)
    expect(result.reviews.map((r) => r.author)).toEqual([
      'Kim Bodnia Fan',
      'Anne-Sofie Ågård',
      'nils_gustafsson',
    ])
    expect(result.reviews[0]?.helpful).toEqual({ yes: 2345, total: 2410 })
    expect(result.reviews[1]?.rating).toBeNull()
    expect(codes(result)).toContain('duplicate-review')
    expect(result.fragments).toEqual([])
  })

  it('keeps the reviews cut off at both ends of the copy, marked truncated', () => {
    const result = parseFixture('imdb-desktop-cut.txt')
    expect(result.reviews).toHaveLength(3)
    const [head, middle, tail] = result.reviews
    expect(head).toMatchObject({ truncated: true, title: '', helpful: { yes: 12, total: 15 } })
    expect(head?.body).toMatch(/^and that is why.*\nIt is the best Danish film of the decade\.$/s)
    expect(middle?.truncated).toBe(false)
    expect(tail).toMatchObject({ truncated: true, author: 'gotchast', helpful: null })
    expect(result.warnings.filter((w) => w.code === 'truncated-review')).toHaveLength(2)
  })

  it('gives every review the work of the page it was pasted from', () => {
    const text = fixtureText('imdb-desktop-two-pages.txt').replace(
      /(Awards \| FAQ[^\n]*\n)Pusher \(1996\) Poster/,
      '$1Pusher II (2004) Poster',
    )
    const result = parseFixtureText(text)
    expect(result.work).toEqual({ title: 'Pusher', year: 1996 })
    expect(result.reviews.map((r) => r.work?.title ?? null)).toEqual([
      null,
      null,
      'Pusher II',
      'Pusher II',
    ])
  })

  it('is detected without header, helpful lines being the IMDb marker', () => {
    const text = fixtureText('imdb-desktop-cut.txt')
    expect(detectFormat(text, 'paste.txt')).toBe('imdb-title-reviews-text')
  })
})

function parseFixtureText(text: string): ParseResult {
  return parseDump(text, 'variant.txt')
}
