import type { BylineSplit } from '../../../shared/domain'

export interface Byline {
  author: string
  /** ISO date, YYYY-MM-DD. */
  date: string
  /** More than one author/date split is valid. */
  ambiguous: boolean
  /** Every valid split, the chosen one first. */
  alternatives: BylineSplit[]
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]

// The prefix must end in a non-digit so that `digits` is the whole digit run before the month:
// the day is carved off its end, and what precedes it belongs to the author.
const BYLINE = new RegExp(`^(.*\\D)?(\\d+) (${MONTHS.join('|')}) (\\d{4})$`)

/**
 * Splits an IMDb byline into author and date. IMDb renders the author and the date as adjacent
 * elements, so a copied page glues them together ("robo829 July 2006"); when the author ends in
 * digits the split point is a guess, and every valid reading is returned.
 */
export function splitByline(raw: string): Byline | null {
  // Bylines are short and end in a year: a cheap test keeps long body lines off the regex.
  if (raw.length > 150 || !/\d{4}\s*$/.test(raw)) return null
  const match = BYLINE.exec(raw.trim())
  if (match === null) return null
  const prefix = match[1] ?? ''
  const digits = match[2] ?? ''
  const month = MONTHS.indexOf(match[3] ?? '') + 1
  const year = Number(match[4])

  if (/\s$/.test(prefix) && digits.length <= 2) {
    // A space between name and date leaves no doubt about where the author ends.
    const split = makeSplit(prefix.trim(), digits, month, year)
    return split === null ? null : toByline([split])
  }
  const splits: BylineSplit[] = []
  // Two-digit day first: it is the more common reading and the one IMDb readers expect.
  for (const dayLength of [2, 1]) {
    if (digits.length < dayLength) continue
    const author = prefix + digits.slice(0, digits.length - dayLength)
    const split = makeSplit(author, digits.slice(-dayLength), month, year)
    if (split !== null) splits.push(split)
  }
  return splits.length === 0 ? null : toByline(splits)
}

function toByline(splits: BylineSplit[]): Byline {
  const [chosen] = splits as [BylineSplit, ...BylineSplit[]]
  return { ...chosen, ambiguous: splits.length > 1, alternatives: splits }
}

function makeSplit(author: string, day: string, month: number, year: number): BylineSplit | null {
  // An author ending in "-" means the split cut through a name like "alke-2".
  if (author.trim() === '' || author.endsWith('-')) return null
  if (day.startsWith('0')) return null
  const dayNumber = Number(day)
  if (dayNumber < 1 || dayNumber > daysInMonth(year, month)) return null
  return { author, date: `${year}-${pad(month)}-${pad(dayNumber)}` }
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
}

function pad(n: number): string {
  return String(n).padStart(2, '0')
}
