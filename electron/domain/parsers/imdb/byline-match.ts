import type { BylineSplit } from '../../../../shared/domain'
import { splitByline } from '../byline'
import { parseDate } from '../dates'
import { stripBullet } from './lines'

export interface BylineMatch {
  /** '' when the page shows no author (per-user pages, where the owner wrote every review). */
  author: string
  date: string | null
  ambiguous: boolean
  alternatives: BylineSplit[]
  raw: string
  /** Index of the byline's last line. */
  last: number
}

const LEGACY_AUTHOR = /^Author:\s*(.+?)(?:\s+from\s+(.+))?$/i
const BULLET_BYLINE = /^(.+?)\s*[•·|]\s*(.+)$/

/**
 * Reads a byline at line `i` in any IMDb layout: glued "Name12 March 2006" (desktop), "Name •
 * Mar 11, 2006" (mobile), a name line over a bare date line (single-review pages), a bare date
 * (per-user pages), "Author: name from place" over a date (older pages).
 */
export function matchByline(lines: readonly string[], i: number): BylineMatch | null {
  const line = stripBullet(lines[i] ?? '')
  if (line === '' || line.length > 120) return null
  // A bare date first: "11 March 2006" would otherwise read as author "1" on the 1st.
  const bare = parseDate(line)
  if (bare !== null) return single('', bare.iso, line, i)
  const bullet = BULLET_BYLINE.exec(line)
  if (bullet !== null) {
    const date = parseDate(bullet[2] ?? '')
    if (date !== null) return single((bullet[1] ?? '').trim(), date.iso, line, i)
  }
  const glued = splitByline(line)
  if (glued !== null) {
    const { author, date, ambiguous, alternatives } = glued
    return { author, date, ambiguous, alternatives, raw: line, last: i }
  }
  const legacy = LEGACY_AUTHOR.exec(line)
  if (legacy !== null) return withDateBelow(lines, i, (legacy[1] ?? '').trim(), line, true)
  if (looksLikeName(line)) return withDateBelow(lines, i, line, line, false)
  return null
}

/** An author line followed (after blanks) by a bare date line. */
function withDateBelow(
  lines: readonly string[],
  i: number,
  author: string,
  raw: string,
  dateOptional: boolean,
): BylineMatch | null {
  let j = i + 1
  while (j < lines.length && (lines[j] ?? '') === '' && j < i + 3) j++
  const dateLine = stripBullet(lines[j] ?? '')
  const date = parseDate(dateLine)
  if (date !== null) return single(author, date.iso, `${raw} ${dateLine}`, j)
  return dateOptional ? single(author, null, raw, i) : null
}

/** Screen names: short, no sentence punctuation at the end, not a counted phrase. */
function looksLikeName(line: string): boolean {
  return line.length <= 50 && !/[.!?:;,"”)]$/.test(line) && line.split(/\s+/).length <= 5
}

function single(author: string, date: string | null, raw: string, last: number): BylineMatch {
  const alternatives = date === null ? [] : [{ author, date }]
  return { author, date, ambiguous: false, alternatives, raw, last }
}
