// Sites that republish IMDb reviews: header junk (navigation, a score, a genre line) naming the
// work, then records in one of three styles: `author` / `YYYY/MM/DD` / body / `More`;
// `Reviewed by <author> <n> / 10` / body; or a headline printed twice / body.
import type { ParsedReview, WorkRef } from '../../../../shared/domain'
import { parseDate } from '../dates'
import {
  bodyOf,
  isBlank,
  isChrome,
  isNameLine,
  titleYearOf,
  type Line,
} from '../lines/classify-line'
import { toTen } from '../rating-scale'
import { review, type Family, type ReviewFields } from './family'

const REVIEWED_BY = /^Reviewed by\s+(.{1,60}?)\s+(10|\d(?:[.,]\d)?)\s*\/\s*10$/i
const SLASH_DATE = /^\d{4}[/-]\d{1,2}[/-]\d{1,2}$/
/** `2008`, `2008 · Drama · 1h 52m`: the year line under a title in a mirror's header. */
const YEAR_NEAR = /^(\d{4})(?:\s*[·‧•|,–-]\s*\S.*)?$/

type Start = { at: number; skip: number; fields: Omit<ReviewFields, 'line' | 'body'> }

function startAt(lines: readonly Line[], i: number): Start | null {
  const line = lines[i] as Line
  const next = lines[i + 1]?.text ?? ''
  const by = REVIEWED_BY.exec(line.text)
  if (by !== null)
    return {
      at: i,
      skip: 1,
      fields: { author: by[1], rating: toTen(Number((by[2] ?? '').replace(',', '.')), 10) },
    }
  if (i > 0 && !isBlank(lines[i - 1]) && !isChrome(lines[i - 1]?.text ?? '')) return null
  if (isNameLine(line.text) && SLASH_DATE.test(next)) {
    const date = parseDate(next)?.iso ?? null
    if (date !== null) return { at: i, skip: 2, fields: { author: line.text, date } }
  }
  if (line.text.length >= 3 && line.text.length <= 150 && line.text === next) {
    return { at: i, skip: 2, fields: { title: line.text } }
  }
  return null
}

export const imdbMirror: Family = {
  id: 'imdb-mirror',
  label: 'IMDb reviews republished by another site',
  format: 'imdb-title-reviews-text',
  generic: false,
  parse(lines) {
    const starts: Start[] = []
    for (let i = 0; i < lines.length; i++) {
      if (lines[i]?.text === '') continue
      const start = startAt(lines, i)
      if (start !== null) {
        starts.push(start)
        i += start.skip - 1
      }
    }
    if (starts.length === 0) return null
    const first = starts[0]?.at ?? 0
    const work = headerWork(lines.slice(0, first))
    const reviews: ParsedReview[] = []
    starts.forEach((start, s) => {
      const end = starts[s + 1]?.at ?? lines.length
      const body = bodyOf(lines.slice(start.at + start.skip, end))
      if (body === '') return
      reviews.push(review({ line: start.at + 1, body, ...start.fields }))
    })
    return { work, declaredCount: null, reviews, fragments: [] }
  },
}

/** `<Title> (<YYYY>)`, or a title line with a bare year one or two lines under it. */
export function headerWork(header: readonly Line[]): WorkRef | null {
  for (const line of header) {
    const work = titleYearOf(line.text)
    if (work !== null) return work
  }
  // The title is the nearest line above the year line that is not a number (a score, a rank).
  for (let i = 0; i < header.length; i++) {
    const year = YEAR_NEAR.exec(header[i]?.text ?? '')
    if (year === null) continue
    for (let k = i - 1; k >= Math.max(0, i - 3); k--) {
      const title = header[k]?.text ?? ''
      if (title !== '' && !/^\d/.test(title) && !isChrome(title))
        return { title, year: Number(year[1]) }
    }
  }
  return null
}
