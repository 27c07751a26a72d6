import { describe, expect, it } from 'vitest'
import {
  bodyOf,
  dateLineOf,
  imdbDateOf,
  isChrome,
  isNameLine,
  linesOf,
  titleYearOf,
  yearOnlyOf,
} from '../../../../electron/domain/parsers/lines/classify-line'

describe('the shared line classifier', () => {
  it('splits CRLF, CR and LF alike and records indent and bullets', () => {
    const lines = linesOf('a\r\n  • Warning: Spoilers\r    body\nend')
    expect(lines.map((l) => l.text)).toEqual(['a', '• Warning: Spoilers', 'body', 'end'])
    expect(lines[1]).toMatchObject({ bullet: true, bare: 'Warning: Spoilers', indent: 2 })
    expect(lines[2]).toMatchObject({ bullet: false, indent: 4 })
  })

  it('reads whole-line dates, with a lost half star glued in front', () => {
    expect(dateLineOf('½Mar 3, 2009')).toEqual({ iso: '2009-03-03', half: true })
    expect(dateLineOf('2009/02/14')).toEqual({ iso: '2009-02-14', half: false })
    expect(dateLineOf('I saw it on Mar 3, 2009')).toBeNull()
    expect(imdbDateOf('9 May 2021')).toBe('2021-05-09')
    expect(imdbDateOf('May 9, 2021')).toBeNull()
  })

  it('reads work lines and year lines, series quotes and ranges included', () => {
    expect(titleYearOf('"Harbour Lights" (2006)')).toEqual({ title: 'Harbour Lights', year: 2006 })
    expect(titleYearOf('Thin Ice (TV Series 2020– )')).toEqual({ title: 'Thin Ice', year: 2020 })
    expect(titleYearOf('I loved The Lanternmaker (2008) a lot')).toBeNull()
    expect(yearOnlyOf('(2011)')).toBe(2011)
    expect(yearOnlyOf('2011')).toBeNull()
  })

  it('tells names from sentences and chrome from text', () => {
    expect(isNameLine('Marguerite D.')).toBe(true)
    expect(isNameLine('Perfect. Nothing to add.')).toBe(false)
    expect(isChrome('Page 1 of 1')).toBe(true)
    expect(isChrome('More')).toBe(true)
    expect(isChrome('More than I expected.')).toBe(false)
  })

  it('joins a body as paragraphs, dropping indentation, bullets and chrome', () => {
    const body = bodyOf(linesOf('  • First line\n\n\n    Second\n    third\nLoad More'))
    expect(body).toBe('First line\n\nSecond\nthird')
  })
})
