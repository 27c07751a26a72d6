// The shared line classifier of the family grammars: what one copied line is, on its own. Context
// (what comes before and after) is each grammar's job.
import type { Helpful } from '../../../../shared/domain'
import { parseDate } from '../dates'
import {
  helpfulOf,
  isFooterLine,
  isHeaderChrome,
  isReviewChrome,
  pageOwnerOf,
  usefulBeforeOf,
} from '../imdb/lines'
import { ratingLineOf } from '../rating-scale'

export interface Line {
  /** 0-based index in the page. */
  index: number
  raw: string
  text: string
  indent: number
  bullet: boolean
  /** The text without its bullet. */
  bare: string
}

export function linesOf(text: string): Line[] {
  return text.split(/\r\n?|\n/).map((raw, index) => {
    const text = raw.trim()
    const bullet = /^[•·]\s*/.test(text)
    return {
      index,
      raw,
      text,
      indent: /^[ \t]*/.exec(raw)?.[0].length ?? 0,
      bullet,
      bare: bullet ? text.replace(/^[•·]\s*/, '') : text,
    }
  })
}

export const isBlank = (line: Line | undefined): boolean => line === undefined || line.text === ''

/** The whole line is a date ("9 May 2021", "May 9, 2021", "2009/02/14"); ½ glued before it is a lost star. */
export function dateLineOf(text: string): { iso: string; half: boolean } | null {
  const half = text.startsWith('½')
  const date = parseDate(half ? text.slice(1) : text)
  return date === null ? null : { iso: date.iso, half }
}

/** "9 May 2021" exactly: IMDb's own date notation. */
export function imdbDateOf(text: string): string | null {
  return /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(text) ? (parseDate(text)?.iso ?? null) : null
}

export function ratingOfLine(text: string): number | null {
  return ratingLineOf(text)?.rating ?? null
}

export function helpfulAfterOf(text: string): Helpful | null {
  return helpfulOf(text)
}

export function helpfulBeforeOf(text: string): Helpful | null {
  return usefulBeforeOf(text)
}

/** `The Lanternmaker (2008)`, `"Harbour Lights" (2006)`, `Thin Ice (2020– )`. */
export function titleYearOf(text: string): { title: string; year: number } | null {
  const m = /^(.{1,150}?)\s+\((?:[^()]*\s)?(\d{4})(?:\s*[–-]\s*(?:\d{4})?\s*)?\)$/.exec(text)
  if (m === null) return null
  const title = (m[1] ?? '').replace(/^["“](.+)["”]$/, '$1').trim()
  return title === '' ? null : { title, year: Number(m[2]) }
}

/** `(2019)` alone on its line, as mobile profile pages print the year under the title. */
export function yearOnlyOf(text: string): number | null {
  const m = /^\((?:[^()]*\s)?(\d{4})(?:\s*[–-]\s*(?:\d{4})?\s*)?\)$/.exec(text)
  return m === null ? null : Number(m[1])
}

const SPOILER = /^(?:Warning:\s*Spoilers?|\*+\s*This review may contain spoilers\s*\**)$/i

export function isSpoilerWarning(text: string): boolean {
  return SPOILER.test(text)
}

const CHROME = [
  /^More$/i,
  /^Read more$/i,
  /^Load More$/i,
  /^Add a Review$/i,
  /^Page \d+ of \d+$/i,
  /^(?:Critic|User|Audience|Member) Reviews$/i,
]

/** Navigation and buttons: never review text. */
export function isChrome(text: string): boolean {
  return (
    CHROME.some((p) => p.test(text)) ||
    isReviewChrome(text) ||
    isHeaderChrome(text) ||
    isFooterLine(text)
  )
}

/** The owner a page heading names ("Reviews by Name"), from the lines above the first review. */
export function ownerOf(header: readonly Line[]): string | null {
  for (const line of header) {
    const owner = pageOwnerOf(line.text)
    if (owner !== null) return owner
  }
  return null
}

/** Short and free of sentence punctuation: a screen name. */
export function isNameLine(text: string): boolean {
  return (
    text.length > 0 &&
    text.length <= 40 &&
    text.split(/\s+/).length <= 4 &&
    !/[!?;:,"]$/.test(text) &&
    (!text.endsWith('.') || /\b\p{Lu}\.$/u.test(text)) &&
    !/^\d+$/.test(text)
  )
}

/** Paragraphs of trimmed lines, one blank line apart, chrome left out. */
export function bodyOf(lines: readonly Line[]): string {
  const out: string[] = []
  for (const line of lines) {
    const text = line.bare
    if (text === '') {
      if (out.length > 0 && out.at(-1) !== '') out.push('')
    } else if (!isChrome(text)) out.push(text)
  }
  while (out.at(-1) === '') out.pop()
  return out.join('\n')
}
