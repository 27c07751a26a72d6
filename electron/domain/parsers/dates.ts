import { daysInMonth } from './byline'

// Dates as review sites print them. Each returns an ISO date; anything impossible is refused,
// so "31 April 2010" or "13/13/2002" never passes for a date.
const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
]
const MONTH = String.raw`([A-Za-z]{3,9})\.?`
const TIME = String.raw`(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}(?::\d{2})?(?:\s*[AaPp][Mm])?)?`

const DAY_MONTH_YEAR = new RegExp(`^(\\d{1,2})\\.?\\s+${MONTH},?\\s+(\\d{4})${TIME}$`)
const MONTH_DAY_YEAR = new RegExp(`^${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})${TIME}$`)
const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/
const YEAR_FIRST = new RegExp(`^(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})${TIME}$`)
const DAY_FIRST = new RegExp(`^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})${TIME}$`)

/** The same notations inside a longer line. */
const IN_LINE = [
  new RegExp(`\\d{1,2}\\.?\\s+${MONTH},?\\s+\\d{4}${TIME}`),
  new RegExp(`${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}${TIME}`),
  /\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?/,
  new RegExp(`\\d{4}[/.]\\d{1,2}[/.]\\d{1,2}${TIME}`),
  new RegExp(`\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}${TIME}`),
]

export interface ParsedDate {
  iso: string
  /** Day and month could be swapped (01/02/2003); the day-first reading was chosen. */
  ambiguous: boolean
}

/** Reads a whole string as a date, or returns null. */
export function parseDate(text: string): ParsedDate | null {
  const s = text.trim()
  if (s.length > 40) return null
  let m = DAY_MONTH_YEAR.exec(s)
  if (m !== null) return make(Number(m[3]), monthOf(m[2]), Number(m[1]))
  m = MONTH_DAY_YEAR.exec(s)
  if (m !== null) return make(Number(m[3]), monthOf(m[1]), Number(m[2]))
  m = ISO.exec(s) ?? YEAR_FIRST.exec(s)
  if (m !== null) return make(Number(m[1]), Number(m[2]), Number(m[3]))
  m = DAY_FIRST.exec(s)
  if (m !== null) return dayFirst(Number(m[1]), Number(m[2]), Number(m[3]))
  return null
}

/** Finds a date inside a longer line ("Jens Hansen – Jan 1, 2018"); returns it and the rest. */
export function findDate(line: string): { date: ParsedDate; before: string; after: string } | null {
  if (!/\d/.test(line)) return null
  for (const pattern of IN_LINE) {
    const m = pattern.exec(line)
    if (m === null) continue
    const date = parseDate(m[0])
    if (date === null) continue
    return { date, before: line.slice(0, m.index), after: line.slice(m.index + m[0].length) }
  }
  return null
}

function monthOf(name: string | undefined): number {
  const lower = (name ?? '').toLowerCase()
  if (lower.length < 3) return 0
  const index = MONTHS.findIndex((month) => month.startsWith(lower) || lower === 'sept')
  return lower === 'sept' ? 9 : index + 1
}

function dayFirst(a: number, b: number, year: number): ParsedDate | null {
  // Europe writes day first; a first number above 12 settles it, a second above 12 flips it.
  if (b > 12 && a <= 12) return make(year, a, b)
  const chosen = make(year, b, a)
  if (chosen === null) return null
  return { ...chosen, ambiguous: a <= 12 && a !== b }
}

function make(year: number, month: number, day: number): ParsedDate | null {
  if (year < 1900 || year > 2100 || month < 1 || month > 12) return null
  if (day < 1 || day > daysInMonth(year, month)) return null
  const iso = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
  return { iso, ambiguous: false }
}
