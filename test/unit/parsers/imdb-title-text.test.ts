import { describe, it, expect } from 'vitest'
import { parseImdbTitleText } from '../../../electron/domain/parsers/imdb-title-text'
import { decodeDump } from '../../../electron/domain/parsers/decode-text'

interface ReviewSpec {
  rating?: string | null
  title: string
  byline: string
  spoiler?: boolean
  body: string[]
  helpful?: string | null
}

const HEADER = [
  'Drive (2011) Poster',
  '',
  '(2011)',
  '',
  'User Reviews',
  '',
  'Review this title',
  '3 Reviews',
  'Sort by:',
  'Filter by Rating:',
]
const FOOTER = [
  'An error has occured. Please try again.',
  '',
  'See also',
  '',
  'Awards | FAQ | User Ratings | External Reviews | Metacritic Reviews',
  '',
  '',
  'Recently Viewed',
]
const VOTE = ' Was this review helpful? Sign in to vote.'

function reviewLines(spec: ReviewSpec): string[] {
  const lines = spec.rating === null ? [] : [spec.rating ?? '8/10']
  lines.push(spec.title, spec.byline)
  if (spec.spoiler === true) lines.push('Warning: Spoilers')
  lines.push(...spec.body)
  if (spec.helpful !== null)
    lines.push(`${spec.helpful ?? '3 out of 4'} found this helpful.${VOTE}`)
  if (spec.helpful !== null) lines.push('Permalink')
  return lines
}

function page(reviews: ReviewSpec[], header = HEADER, footer = FOOTER): string {
  return [...header, ...reviews.flatMap(reviewLines), ...footer].join('\n')
}

const first: ReviewSpec = {
  title: 'A real hero',
  byline: 'Jane Doe12 March 2012',
  body: ['First paragraph.', '', 'Second paragraph.'],
}
const second: ReviewSpec = {
  rating: '6/10',
  title: 'Style over substance',
  byline: 'kenobi-44 May 2013',
  body: ['Only one paragraph, it cost 80.000 kroner and I gave it 7/10 stars.'],
  helpful: '10 out of 20',
}

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
    const decoded = decodeDump(new TextEncoder().encode(crlf), 'crlf.txt')
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

describe('parseImdbTitleText: damaged copies', () => {
  it('keeps a review cut off by the end of the copy as truncated', () => {
    const cut = { ...second, body: ['The copy stops in the middle of'], helpful: null }
    const result = parseImdbTitleText(page([first, cut], HEADER, []))
    expect(result.reviews).toHaveLength(2)
    expect(result.reviews[1]).toMatchObject({
      truncated: true,
      helpful: null,
      body: 'The copy stops in the middle of',
    })
    expect(result.reviews[0]?.truncated).toBe(false)
    expect(result.warnings.map((w) => w.code)).toContain('truncated-review')
  })

  it('does not put the footer into a truncated last review', () => {
    const cut = { ...second, helpful: null }
    const result = parseImdbTitleText(page([first, cut]))
    expect(result.reviews[1]).toMatchObject({ truncated: true, body: second.body[0] })
    expect(result.fragments).toEqual([])
  })

  it('keeps the footer out of the last review', () => {
    const result = parseImdbTitleText(page([first, second]))
    expect(result.reviews[1]?.body).toBe(second.body[0])
    expect(result.fragments).toEqual([])
    expect(result.warnings.map((w) => w.code)).toEqual(['ambiguous-byline'])
  })

  it('keeps an unparseable block as a fragment with its line, and reads the rest', () => {
    const broken = ['7/10', 'Headline without a byline', 'Some text.', '', 'More text.']
    const brokenEnd = ['2 out of 3 found this helpful.' + VOTE, 'Permalink']
    const text = [
      ...HEADER,
      ...reviewLines(first),
      ...broken,
      ...brokenEnd,
      ...reviewLines(second),
    ].join('\n')
    const line = HEADER.length + reviewLines(first).length + 1
    const result = parseImdbTitleText(text)
    expect(result.reviews.map((r) => r.title)).toEqual([first.title, second.title])
    expect(result.fragments).toEqual([
      { line, text: [...broken, '2 out of 3 found this helpful.' + VOTE].join('\n') },
    ])
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'unparsed-fragment', line }),
    )
  })

  it('keeps the tail of a review cut at the start of the copy as a fragment', () => {
    const text = ['end of a review we never saw.', '5 out of 6 found this helpful.', 'Permalink']
    const result = parseImdbTitleText([...text, ...reviewLines(first)].join('\n'))
    expect(result.fragments).toEqual([{ line: 1, text: text.slice(0, 2).join('\n') }])
    expect(result.reviews).toHaveLength(1)
  })

  it('keeps unknown text after the last review as a fragment', () => {
    const result = parseImdbTitleText(page([first], HEADER, ['', 'Something odd', 'here']))
    expect(result.fragments).toEqual([
      { line: HEADER.length + reviewLines(first).length + 2, text: 'Something odd\nhere' },
    ])
  })

  it('warns when a rated review start appears inside a body', () => {
    const merged = { ...first, helpful: null }
    const result = parseImdbTitleText(page([merged, second]))
    expect(result.reviews).toHaveLength(1)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'possible-merged-review',
        line: HEADER.length + reviewLines(merged).length + 1,
      }),
    )
  })
})
