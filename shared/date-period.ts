// Periods of the insights' over-time chart (`YYYY` or `YYYY-MM`) as the date range a filter keeps,
// and a range back as the few words the filter bar shows. Pure, so main and the renderer agree.

/** Inclusive calendar days, `YYYY-MM-DD`; `from` is not after `to`. */
export interface DateSpan {
  from: string
  to: string
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0

/** Days in `month` (1–12) of `year`. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeap(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Whether `text` is a `YYYY-MM-DD` day the calendar has (no 31 April, no 29 February 2023). */
export function isCalendarDay(text: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text)
  if (!m) return false
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])]
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
}

/** The days a chart period covers: a whole year, or a whole month to its last day. */
export function periodSpan(period: string): DateSpan {
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(period)
  const month = m?.[2] === undefined ? null : Number(m[2])
  if (!m || (month !== null && (month < 1 || month > 12)))
    throw new Error(`Period "${period}": expected YYYY or YYYY-MM`)
  const year = m[1]!
  if (month === null) return { from: `${year}-01-01`, to: `${year}-12-31` }
  const last = daysInMonth(Number(year), month)
  return { from: `${year}-${pad(month)}-01`, to: `${year}-${pad(month)}-${pad(last)}` }
}

/** `YYYY-MM-DD` as the YYYYMMDD number the search columns hold. */
export const dayNumber = (day: string): number => Number(day.replaceAll('-', ''))

/** "2004" for a whole year, "Mar 2004" for a whole month, else both days. */
export function spanLabel(span: DateSpan): string {
  const [fy, fm, fd] = span.from.split('-')
  const [ty, tm, td] = span.to.split('-')
  if (fy === ty && fd === '01') {
    if (fm === '01' && tm === '12' && td === '31') return fy!
    const month = Number(fm)
    if (fm === tm && Number(td) === daysInMonth(Number(fy), month))
      return `${MONTHS[month - 1]} ${fy}`
  }
  return span.from === span.to ? span.from : `${span.from} – ${span.to}`
}

/** A chart period in words: "2004" or "Mar 2004". */
export const periodLabel = (period: string): string => spanLabel(periodSpan(period))
