import { describe, it, expect } from 'vitest'
import { parseImdbTitleText } from '../../../electron/domain/parsers/imdb/title-text'
import { decodeDump } from '../../../electron/domain/parsers/decode-text'
import { HEADER, VOTE, first, page, reviewLines, second } from './imdb-page'

describe('parseImdbTitleText: header', () => {
  it('reads work, year and declared count', () => {
    const result = parseImdbTitleText(page([first, second]))
    expect(result.format).toBe('imdb-title-reviews-text')
    expect(result.work).toEqual({ title: 'Drive', year: 2011 })
    expect(result.declaredCount).toBe(3)
    expect(result.incomplete).toBe(true)
    expect(result.fragments).toEqual([])
  })

  it('tolerates a title line without "Poster" and a missing declared count', () => {
    const header = ['Drive (2011)', '(2011)', 'User Reviews', 'Review this title', 'Sort by:']
    const result = parseImdbTitleText(page([first], header))
    expect(result.work).toEqual({ title: 'Drive', year: 2011 })
    expect(result.declaredCount).toBeNull()
    expect(result.incomplete).toBe(false)
  })

  it('keeps parentheses inside the title and reads series years', () => {
    const header = ['Pusher II (With Blood on My Hands) (TV Series 2004–2006) Poster', '2 Reviews']
    const result = parseImdbTitleText(page([first, second], header))
    expect(result.work).toEqual({ title: 'Pusher II (With Blood on My Hands)', year: 2004 })
    expect(result.incomplete).toBe(false)
  })

  it('takes the year from the "(year)" line when the title line has none', () => {
    const header = ['Drive Poster', '', '(2011)', 'User Reviews']
    expect(parseImdbTitleText(page([first], header)).work).toEqual({ title: 'Drive', year: 2011 })
  })

  it('reads a page without header', () => {
    const result = parseImdbTitleText(page([second, first], [], []))
    expect(result.work).toBeNull()
    expect(result.declaredCount).toBeNull()
    expect(result.incomplete).toBe(false)
    expect(result.reviews.map((r) => r.title)).toEqual([second.title, first.title])
    expect(result.reviews[0]?.line).toBe(1)
    expect(result.fragments).toEqual([])
  })

  it('reads thousands separators in the declared count and helpful counts', () => {
    const header = ['Drive (2011) Poster', '1,234 Reviews']
    const big = { ...second, helpful: '1,234 out of 12,345' }
    const result = parseImdbTitleText(page([big], header))
    expect(result.declaredCount).toBe(1234)
    expect(result.reviews[0]?.helpful).toEqual({ yes: 1234, total: 12345 })
    expect(result.incomplete).toBe(true)
  })
})

describe('parseImdbTitleText: reviews', () => {
  it('reads every field of a review and its first line', () => {
    const result = parseImdbTitleText(page([first, second]))
    expect(result.reviews[1]).toEqual({
      rating: 6,
      title: 'Style over substance',
      author: 'kenobi-4',
      date: '2013-05-04',
      bylineRaw: 'kenobi-44 May 2013',
      bylineAmbiguous: false,
      bylineAlternatives: [{ author: 'kenobi-4', date: '2013-05-04' }],
      spoiler: false,
      helpful: { yes: 10, total: 20 },
      body: 'Only one paragraph, it cost 80.000 kroner and I gave it 7/10 stars.',
      line: HEADER.length + reviewLines(first).length + 1,
      truncated: false,
    })
    expect(result.reviews[0]?.body).toBe('First paragraph.\n\nSecond paragraph.')
  })

  it('reads CRLF line endings, directly and after decoding', () => {
    const crlf = page([first, second]).replace(/\n/g, '\r\n')
    const lf = parseImdbTitleText(page([first, second]))
    expect(parseImdbTitleText(crlf)).toEqual(lf)
    const decoded = decodeDump(new TextEncoder().encode(crlf), 'crlf.txt').text
    expect(parseImdbTitleText(decoded)).toEqual(lf)
  })

  it('keeps a review without rating line, with a warning', () => {
    const unrated = { ...first, rating: null }
    const result = parseImdbTitleText(page([second, unrated]))
    const review = result.reviews[1]
    expect(review?.rating).toBeNull()
    expect(review?.title).toBe('A real hero')
    const line = HEADER.length + reviewLines(second).length + 1
    expect(review?.line).toBe(line)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'missing-rating', line }),
    )
  })

  it('marks spoilers and keeps the mark out of the body', () => {
    const result = parseImdbTitleText(page([{ ...second, spoiler: true }, first]))
    expect(result.reviews[0]?.spoiler).toBe(true)
    expect(result.reviews[0]?.body).toBe(second.body[0])
    expect(result.reviews[1]?.spoiler).toBe(false)
  })

  it('accepts the spoiler mark before the headline and a missing Permalink', () => {
    const text = [
      '9/10',
      'Warning: Spoilers',
      'Twist ending',
      'Jane Doe12 March 2012',
      'Body.',
      '1 out of 1 found this helpful.',
      ...reviewLines(second),
    ].join('\n')
    const result = parseImdbTitleText(text)
    expect(result.reviews.map((r) => [r.rating, r.title, r.spoiler, r.body])).toEqual([
      [9, 'Twist ending', true, 'Body.'],
      [6, second.title, false, second.body[0]],
    ])
    expect(result.fragments).toEqual([])
  })

  it('ignores extra blank lines around and inside reviews', () => {
    const text = [
      ...HEADER,
      '',
      '',
      '8/10',
      '',
      'A real hero',
      '',
      'Jane Doe12 March 2012',
      '',
      '',
      'First paragraph.',
      '',
      '   ',
      '',
      'Second paragraph.',
      '',
      '3 out of 4 found this helpful.' + VOTE,
      '',
      'Permalink',
      '',
      '',
      ...reviewLines(second),
    ].join('\n')
    const result = parseImdbTitleText(text)
    expect(result.reviews.map((r) => r.body)).toEqual([
      'First paragraph.\n\nSecond paragraph.',
      second.body[0],
    ])
    expect(result.reviews[0]?.line).toBe(HEADER.length + 3)
    expect(result.fragments).toEqual([])
  })

  it('keeps a body line that looks like a byline in the body', () => {
    const tricky = {
      ...first,
      body: ['I saw it at a festival.', 'Peter Jones 11 March 2006', 'That was the premiere.'],
    }
    const tricky2 = { ...first, body: ['Seen on', 'Jones11 March 2006'] }
    const result = parseImdbTitleText(page([tricky, tricky2, second]))
    expect(result.reviews).toHaveLength(3)
    expect(result.reviews[0]?.body).toBe(tricky.body.join('\n'))
    expect(result.reviews[1]?.body).toBe('Seen on\nJones11 March 2006')
  })

  it('accepts a headline that itself looks like a byline', () => {
    const odd = { ...second, title: 'Seen 11 March 2006' }
    const result = parseImdbTitleText(page([odd]))
    expect(result.reviews[0]).toMatchObject({ title: 'Seen 11 March 2006', author: 'kenobi-4' })
  })

  it('warns about each ambiguous byline with its alternatives', () => {
    const result = parseImdbTitleText(page([{ ...second, byline: 'robo829 July 2006' }]))
    expect(result.reviews[0]).toMatchObject({ author: 'robo8', bylineAmbiguous: true })
    const warning = result.warnings.find((w) => w.code === 'ambiguous-byline')
    expect(warning?.line).toBe(HEADER.length + 3)
    expect(warning?.message).toContain('robo8')
    expect(warning?.message).toContain('robo82')
    expect(warning?.message).toContain('2006-07-09')
  })
})
