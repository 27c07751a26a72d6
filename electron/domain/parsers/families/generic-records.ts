// Review lists from other sites, best effort. The record boundary is learned from the page: the
// line shape that recurs (a dated line, a numbered item, "Submitted by …", "Written by : …", a
// bulleted title repeated under itself) starts each record, and a short name line that sits right
// above most of those starts belongs to them as the author.
import type { ParsedReview } from '../../../../shared/domain'
import { findDate } from '../dates'
import { toTen } from '../rating-scale'
import {
  bodyOf,
  dateLineOf,
  helpfulAfterOf,
  isBlank,
  isChrome,
  isNameLine,
  ratingOfLine,
  titleYearOf,
  type Line,
} from '../lines/classify-line'
import { headerFragments, review, type Family, type ReviewFields } from './family'

type Shape = 'submitted' | 'written-by' | 'numbered' | 'bullet-title' | 'date'

const SUBMITTED = /^Submitted by\s+(.{1,60}?)\s+on\s+(.+)$/i
const WRITTEN_BY = /^Written by\s*:\s*(.{1,60}?)(?:\s*\(\d+\))?$/i
const WRITTEN_ON = /^Written on\s*:\s*(.+)$/i
const RATING_KV = /^Rating\s*:\s*(\d(?:[.,]\d)?)\s*Stars?/i
const NUMBERED = /^(\d{1,3})\.\s+(\S.*)$/
const CITATION = /^\[(.+?),\s*p\.\s*\S+\]$/
const READ_MORE = /\s+read more$/i

export function shapeOf(lines: readonly Line[], i: number): Shape | null {
  const line = lines[i] as Line
  if (line.text === '') return null
  if (SUBMITTED.test(line.bare)) return 'submitted'
  if (WRITTEN_BY.test(line.text)) return 'written-by'
  if (NUMBERED.test(line.text)) return 'numbered'
  if (line.bullet && line.bare.length <= 150) {
    const next = lines.slice(i + 1, i + 12).find((l) => l.text !== '')
    if (next?.text === line.bare) return 'bullet-title'
  }
  if (dateLineOf(line.text) !== null) return 'date'
  return null
}

/** The shape that recurs most (ties: the one seen first) is the record boundary. */
export function learnBoundary(lines: readonly Line[]): Shape | null {
  const counts = new Map<Shape, { count: number; first: number }>()
  lines.forEach((_, i) => {
    const shape = shapeOf(lines, i)
    if (shape === null) return
    const seen = counts.get(shape) ?? { count: 0, first: i }
    seen.count++
    counts.set(shape, seen)
  })
  let best: Shape | null = null
  let bestSeen = { count: 0, first: Infinity }
  for (const [shape, seen] of counts) {
    if (
      seen.count > bestSeen.count ||
      (seen.count === bestSeen.count && seen.first < bestSeen.first)
    ) {
      best = shape
      bestSeen = seen
    }
  }
  return best
}

export const genericRecords: Family = {
  id: 'generic-records',
  label: 'Review list from another site (best effort)',
  format: 'generic-text',
  generic: true,
  parse(lines) {
    const shape = learnBoundary(lines)
    if (shape === null) return null
    const anchors = lines.filter((_, i) => shapeOf(lines, i) === shape).map((l) => l.index)
    // A short line right above most anchors belongs to them: it opens the record.
    const led = anchors.filter((a) => leadLine(lines, a, shape) !== null).length
    const withLead = led * 2 > anchors.length
    const firsts = anchors.map((a) => (withLead && leadLine(lines, a, shape) !== null ? a - 1 : a))
    const reviews: ParsedReview[] = []
    let kind: 'critic' | 'user' | undefined
    let previousNumber = 0
    anchors.forEach((a, n) => {
      const end = firsts[n + 1] ?? lines.length
      const own = lines.slice(a + 1, end)
      const fields = readRecord(shape, lines[a] as Line, own)
      if (shape === 'numbered') {
        const number = Number(NUMBERED.exec(lines[a]?.text ?? '')?.[1])
        // The numbering restarts for the next list (critics, then users).
        if (number <= previousNumber || kind === undefined) kind = fields.author ? 'critic' : 'user'
        previousNumber = number
        fields.sourceKind = kind
      }
      // Above a date the lead is its author; above a byline ("Written by", "Submitted by"), a headline.
      if (withLead && firsts[n] !== a) {
        if (shape === 'date') fields.author = lines[a - 1]?.text ?? ''
        else fields.title = lines[a - 1]?.text ?? ''
      }
      const body = bodyOf(cutBoilerplate(fields.rest))
      if (body === '') return
      const truncated = READ_MORE.test(body) || body.endsWith('…')
      reviews.push(
        review({
          ...fields,
          line: (firsts[n] ?? a) + 1,
          body: body.replace(READ_MORE, ''),
          truncated,
        }),
      )
    })
    const first = firsts[0] ?? lines.length
    const header = lines.slice(0, first)
    const work = header.map((l) => titleYearOf(l.text)).find((w) => w !== null) ?? null
    const fragments = headerFragments(lines, first)
    return { work, declaredCount: null, reviews, fragments }
  },
}

function leadLine(lines: readonly Line[], anchor: number, shape: Shape): string | null {
  const above = lines[anchor - 1]
  if (above === undefined || isBlank(above) || !isBlank(lines[anchor - 2])) return null
  if (above.bullet || isChrome(above.text) || titleYearOf(above.text) !== null) return null
  const fits = shape === 'date' ? isNameLine(above.text) : above.text.length <= 100
  return fits ? above.text : null
}

type Record = Omit<ReviewFields, 'line' | 'body'> & { rest: Line[] }

function readRecord(shape: Shape, anchor: Line, own: Line[]): Record {
  const rest: Line[] = []
  const out: Record = { rest }
  const first = own.findIndex((l) => l.text !== '')
  own.forEach((line, k) => {
    const text = line.text
    const date = WRITTEN_ON.exec(text)
    const stars = RATING_KV.exec(text)
    const citation = CITATION.exec(text)
    const votes = helpfulAfterOf(text)
    if (shape === 'written-by' && date !== null)
      out.date = findDate(date[1] ?? '')?.date.iso ?? null
    else if (shape === 'written-by' && stars !== null)
      out.rating = toTen(Number((stars[1] ?? '').replace(',', '.')), 5)
    else if (votes !== null && out.helpful === undefined) out.helpful = votes
    else if (citation !== null && out.date === undefined)
      out.date = findDate(citation[1] ?? '')?.date.iso ?? null
    else if (k === first && shape === 'numbered' && /^\d{1,3}$/.test(text))
      out.rating = toTen(Number(text), 100)
    else if (k === first && shape === 'date' && ratingOfLine(text) !== null)
      out.rating = ratingOfLine(text)
    else if (!(shape === 'bullet-title' && k === first && text === anchor.bare)) rest.push(line)
  })
  if (shape === 'submitted') {
    const m = SUBMITTED.exec(anchor.bare)
    out.author = m?.[1] ?? ''
    out.date = findDate(m?.[2] ?? '')?.date.iso ?? null
  } else if (shape === 'written-by') out.author = WRITTEN_BY.exec(anchor.text)?.[1] ?? ''
  else if (shape === 'bullet-title') out.work = { title: anchor.bare, year: null }
  else if (shape === 'date') out.date = dateLineOf(anchor.text)?.iso ?? null
  else {
    const item = NUMBERED.exec(anchor.text)?.[2] ?? ''
    const by = /^Reviewed by:?\s*(.+)$/i.exec(item)
    if (by !== null) out.author = (by[1] ?? '').trim()
    else out.date = dateLineOf(item)?.iso ?? null
  }
  return out
}

/** Site boilerplate after a body is bulleted ("• Log in to post comments"); the body is not. */
function cutBoilerplate(rest: Line[]): Line[] {
  const bullet = rest.findIndex((l) => l.bullet)
  return bullet === -1 ? rest : rest.slice(0, bullet)
}
