import { describe, it, expect } from 'vitest'
import { daysInMonth, splitByline } from '../../../electron/domain/parsers/byline'

describe('splitByline: author glued to the date', () => {
  it('prefers the two-digit day and lists the one-digit reading as an alternative', () => {
    expect(splitByline('UlrikSander11 March 2006')).toEqual({
      author: 'UlrikSander',
      date: '2006-03-11',
      ambiguous: true,
      alternatives: [
        { author: 'UlrikSander', date: '2006-03-11' },
        { author: 'UlrikSander1', date: '2006-03-01' },
      ],
    })
  })

  it('keeps digits and dashes that belong to the author', () => {
    const split = splitByline('Pjtaylor-96-13804426 April 2022')
    expect(split?.author).toBe('Pjtaylor-96-138044')
    expect(split?.date).toBe('2022-04-26')
    expect(split?.alternatives[1]).toEqual({ author: 'Pjtaylor-96-1380442', date: '2022-04-06' })
  })

  it('rejects a split that leaves the author ending in "-"', () => {
    expect(splitByline('alke-23 January 2005')).toEqual({
      author: 'alke-2',
      date: '2005-01-03',
      ambiguous: false,
      alternatives: [{ author: 'alke-2', date: '2005-01-03' }],
    })
  })

  it('rejects a day with a leading zero', () => {
    const split = splitByline('PAolo-108 February 2009')
    expect(split).toMatchObject({ author: 'PAolo-10', date: '2009-02-08', ambiguous: false })
    expect(split?.alternatives).toHaveLength(1)
  })

  it('is unambiguous when the author ends in a letter', () => {
    expect(splitByline('kristianbk6 January 2005')).toMatchObject({
      author: 'kristianbk',
      date: '2005-01-06',
      ambiguous: false,
    })
  })

  it('rejects a two-digit day that does not exist in the month', () => {
    // 48 and 30 February are not days; only the one-digit reading survives.
    expect(splitByline('peterroeder348 October 2014')).toMatchObject({
      author: 'peterroeder34',
      date: '2014-10-08',
      ambiguous: false,
    })
    expect(splitByline('x30 February 2004')).toBeNull()
    expect(splitByline('x231 February 2004')).toMatchObject({
      author: 'x23',
      date: '2004-02-01',
      ambiguous: false,
    })
  })

  it('knows leap years', () => {
    expect(splitByline('x29 February 2004')).toMatchObject({
      author: 'x',
      date: '2004-02-29',
      ambiguous: true,
    })
    expect(splitByline('x29 February 2005')).toMatchObject({
      author: 'x2',
      date: '2005-02-09',
      ambiguous: false,
    })
    expect(splitByline('x29 February 1900')?.author).toBe('x2')
    expect(splitByline('x29 February 2000')?.author).toBe('x')
  })

  it('treats 31 April as invalid', () => {
    expect(splitByline('x31 April 2010')).toMatchObject({
      author: 'x3',
      date: '2010-04-01',
      ambiguous: false,
    })
  })

  it('returns null when no split leaves a valid author and day', () => {
    expect(splitByline('alke-0 January 2005')).toBeNull()
    expect(splitByline('x-00 January 2005')).toBeNull()
  })
})

describe('splitByline: separated author and date', () => {
  it('takes the whole day after a space, names may contain spaces', () => {
    expect(splitByline('Some Name 11 March 2006')).toEqual({
      author: 'Some Name',
      date: '2006-03-11',
      ambiguous: false,
      alternatives: [{ author: 'Some Name', date: '2006-03-11' }],
    })
    expect(splitByline('Jo 9 May 2001')).toMatchObject({ author: 'Jo', date: '2001-05-09' })
  })

  it('rejects an invalid separated date', () => {
    expect(splitByline('Some Name 31 April 2006')).toBeNull()
    expect(splitByline('Some Name 05 April 2006')).toBeNull()
  })
})

describe('splitByline: not a byline', () => {
  it.each([
    '',
    '8/10',
    'Pusher II (2004) Poster',
    '54 out of 62 found this helpful. Was this review helpful? Sign in to vote.',
    'UlrikSander11 Marc 2006',
    'UlrikSander11 march 2006',
    'UlrikSander11 March 06',
    'UlrikSander March 2006',
    'UlrikSander11 March 2006 and more',
  ])('%j', (line) => {
    expect(splitByline(line)).toBeNull()
  })
})

describe('daysInMonth', () => {
  it('follows the Gregorian calendar', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
    expect(daysInMonth(2024, 2)).toBe(29)
    expect(daysInMonth(2100, 2)).toBe(28)
  })
})
