import { describe, expect, it } from 'vitest'
import {
  daysInMonth,
  dayNumber,
  isCalendarDay,
  periodLabel,
  periodSpan,
  spanLabel,
} from '../../../shared/date-period'
import { ReviewQuery } from '../../../shared/query'

describe('a chart period as the days it covers', () => {
  it('covers a whole year', () => {
    expect(periodSpan('2004')).toEqual({ from: '2004-01-01', to: '2004-12-31' })
  })

  it('ends a month on its own last day', () => {
    expect(periodSpan('2005-01')).toEqual({ from: '2005-01-01', to: '2005-01-31' })
    expect(periodSpan('2005-04')).toEqual({ from: '2005-04-01', to: '2005-04-30' })
    expect(periodSpan('2005-11')).toEqual({ from: '2005-11-01', to: '2005-11-30' })
    expect(periodSpan('2005-12')).toEqual({ from: '2005-12-01', to: '2005-12-31' })
  })

  it('gives February 29 days in leap years only', () => {
    expect(periodSpan('2004-02').to).toBe('2004-02-29')
    expect(periodSpan('2005-02').to).toBe('2005-02-28')
    // Centuries are leap years only when divisible by 400.
    expect(periodSpan('1900-02').to).toBe('1900-02-28')
    expect(periodSpan('2000-02').to).toBe('2000-02-29')
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2023, m))).toEqual([
      31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31,
    ])
  })

  it('refuses what is not a period, naming it', () => {
    expect(() => periodSpan('2005-13')).toThrow('Period "2005-13": expected YYYY or YYYY-MM')
    expect(() => periodSpan('2005-00')).toThrow('"2005-00"')
    expect(() => periodSpan('05')).toThrow('"05"')
    expect(() => periodSpan('2005-1')).toThrow('"2005-1"')
  })
})

describe('a date range in words', () => {
  it('names a whole year or a whole month shortly', () => {
    expect(periodLabel('2004')).toBe('2004')
    expect(periodLabel('2004-03')).toBe('Mar 2004')
    expect(periodLabel('2004-02')).toBe('Feb 2004')
    expect(periodLabel('2005-12')).toBe('Dec 2005')
  })

  it('spells out any other range', () => {
    expect(spanLabel({ from: '2004-02-01', to: '2004-02-28' })).toBe('2004-02-01 – 2004-02-28')
    expect(spanLabel({ from: '2004-01-01', to: '2005-12-31' })).toBe('2004-01-01 – 2005-12-31')
    expect(spanLabel({ from: '2004-03-01', to: '2004-04-30' })).toBe('2004-03-01 – 2004-04-30')
    expect(spanLabel({ from: '2004-03-02', to: '2004-03-02' })).toBe('2004-03-02')
  })
})

describe('days in the query', () => {
  it('numbers days as the search columns do', () => {
    expect(dayNumber('2004-02-29')).toBe(20040229)
  })

  it('knows the calendar', () => {
    expect(isCalendarDay('2004-02-29')).toBe(true)
    expect(isCalendarDay('2005-02-29')).toBe(false)
    expect(isCalendarDay('2005-04-31')).toBe(false)
    expect(isCalendarDay('2005-4-01')).toBe(false)
  })

  it('accepts a range and refuses a day that does not exist or an inverted range', () => {
    const ok = ReviewQuery.safeParse({ dates: { from: '2004-02-01', to: '2004-02-29' } })
    expect(ok.success).toBe(true)
    const badDay = ReviewQuery.safeParse({ dates: { from: '2005-02-01', to: '2005-02-29' } })
    expect(badDay.error?.issues[0]).toMatchObject({
      path: ['dates', 'to'],
      message: 'expected a calendar day YYYY-MM-DD',
    })
    const inverted = ReviewQuery.safeParse({ dates: { from: '2006-01-01', to: '2005-12-31' } })
    expect(inverted.error?.issues[0]).toMatchObject({
      path: ['dates', 'to'],
      message: '"from" must not be after "to"',
    })
    expect(ReviewQuery.safeParse({ dates: { from: '2005-01-01' } }).success).toBe(false)
  })
})
