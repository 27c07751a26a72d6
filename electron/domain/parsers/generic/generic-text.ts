import type {
  Helpful,
  ImportWarning,
  ParsedReview,
  UnparsedFragment,
  WorkRef,
} from '../../../../shared/domain'
import { workOf } from '../imdb/lines'
import { joinBody, previewOf, PROGRESS_EVERY, type ParseSteps } from '../parse-util'
import { isName, metaLineOf, type MetaLine } from './meta-lines'

/** A run of metadata lines (and the short lines around them) that opens a review. */
interface Header {
  first: number
  last: number
  metas: { index: number; meta: MetaLine }[]
  /** Short text lines inside or just above the run: the title or the author, to be guessed. */
  shorts: number[]
}

/** Short enough to be a title or a name rather than review text. */
const SHORT = 80

/**
 * Best-effort parser for review lists copied from sites it does not know. A review is found by its
 * header: a run of lines holding a date, a rating (4/10, ★★★★☆) or an author ("By Name"); the
 * text up to the next header is its body. Every guess is reported so the user can check it.
 */
export function* parseGenericSteps(text: string): ParseSteps {
  const lines = text.split(/\r\n?|\n/).map((line) => line.trim())
  const raw = text.split(/\r\n?|\n/)
  const metas: (MetaLine | null)[] = []
  for (let i = 0; i < lines.length; i++) {
    metas.push(metaLineOf(lines[i] ?? ''))
    if (i > 0 && i % PROGRESS_EVERY === 0) yield { done: i, total: lines.length }
  }
  const headers = findHeaders(lines, metas)
  const reviews: ParsedReview[] = []
  const warnings: ImportWarning[] = [
    {
      line: 1,
      code: 'generic-parser',
      message:
        'Not a layout this app knows: reviews were found by their date, rating and author lines (generic parser). Check authors, titles and ratings before importing',
    },
  ]
  const fragments: UnparsedFragment[] = []
  const bodyOf = (from: number, to: number): string =>
    joinBody(range(from, to).map((k) => ((lines[k] ?? '') === '' ? '' : (raw[k] ?? ''))))
  const firstHeader = headers[0]
  const leadEnd = (firstHeader?.first ?? lines.length) - 1
  const heading = workHeading(lines, leadEnd)
  const lead = bodyOf(heading === null ? 0 : heading.index + 1, leadEnd)
  if (lead !== '') addFragment(fragments, warnings, 1 + firstNonBlank(lines, 0), lead)
  headers.forEach((header, h) => {
    const end = (headers[h + 1]?.first ?? lines.length) - 1
    const body = bodyOf(header.last + 1, end)
    if (body === '') {
      addFragment(fragments, warnings, header.first + 1, bodyOf(header.first, header.last))
      return
    }
    reviews.push(toReview(header, lines, body, warnings))
  })
  yield { done: lines.length, total: lines.length }
  return {
    format: 'generic-text',
    work: heading?.work ?? null,
    declaredCount: null,
    incomplete: false,
    reviews,
    warnings,
    fragments,
    generic: true,
  }
}

const REVIEWS_OF =
  /^(?:.*\b(?:reviews?|ratings?|anmeldelser|recensioner|omdömen)\s+(?:for|of|af|av|til|för)\s+)/i

/** A heading like `Customer reviews for "Jagten" (2012)` above the first review names the work. */
function workHeading(lines: string[], leadEnd: number): { work: WorkRef; index: number } | null {
  const index = firstNonBlank(lines, 0)
  if (index > leadEnd) return null
  const work = workOf((lines[index] ?? '').replace(REVIEWS_OF, ''), false)
  return work === null || work.year === null ? null : { work, index }
}

function findHeaders(lines: string[], metas: (MetaLine | null)[]): Header[] {
  const headers: Header[] = []
  let i = 0
  while (i < lines.length) {
    const meta = metas[i]
    if (meta === null || meta === undefined || !opensReview(meta)) {
      i++
      continue
    }
    const header: Header = { first: i, last: i, metas: [], shorts: [] }
    const above = previousNonBlank(lines, i - 1)
    const lastHeader = headers.at(-1)
    if (above >= 0 && metas[above] === null && isShort(lines[above] ?? '')) {
      if (lastHeader === undefined || above > lastHeader.last + 1) {
        header.first = above
        header.shorts.push(above)
      }
    }
    let k = i
    for (; k < lines.length; k++) {
      const line = lines[k] ?? ''
      if (line === '') continue
      const m = metas[k]
      if (m !== null && m !== undefined) header.metas.push({ index: k, meta: m })
      else if (header.shorts.length < 2 && isShort(line) && nextIsMeta(lines, metas, k)) {
        header.shorts.push(k)
      } else break
      header.last = k
    }
    headers.push(header)
    i = Math.max(k, i + 1)
  }
  return headers
}

function opensReview(meta: MetaLine): boolean {
  return meta.kind === 'date' || meta.kind === 'rating' || meta.kind === 'author'
}

function toReview(
  header: Header,
  lines: string[],
  body: string,
  warnings: ImportWarning[],
): ParsedReview {
  let author: string | null = null
  let date: string | null = null
  let rating: number | null = null
  let helpful: Helpful | null = null
  let spoiler = false
  let titleOnLine: string | null = null
  const rawParts: string[] = []
  for (const { index, meta } of header.metas) {
    if (meta.kind === 'date') {
      date ??= meta.date.iso
      author ??= meta.author
      rawParts.push(lines[index] ?? '')
      if (meta.date.ambiguous) {
        warn(
          warnings,
          index,
          'ambiguous-date',
          `Date "${lines[index]}" read day first as ${meta.date.iso}`,
        )
      }
    } else if (meta.kind === 'author') {
      author ??= meta.author
      rating ??= meta.rating ?? null
      rawParts.push(lines[index] ?? '')
    } else if (meta.kind === 'rating') {
      rating ??= meta.rating
      titleOnLine ??= meta.title ?? null
    } else if (meta.kind === 'helpful') helpful ??= meta.helpful
    else spoiler = true
  }
  let title = titleOnLine ?? ''
  for (const k of header.shorts) {
    const line = lines[k] ?? ''
    if (author === null && isName(line)) {
      author = line
      rawParts.unshift(line)
      warn(
        warnings,
        k,
        'generic-author-guess',
        `Guessed that "${line}" on line ${k + 1} is the author`,
      )
    } else if (title === '') {
      title = line
      warn(
        warnings,
        k,
        'generic-title-guess',
        `Guessed that "${line}" on line ${k + 1} is the headline`,
      )
    }
  }
  if (author === null) {
    warn(
      warnings,
      header.first,
      'missing-author',
      `No author found for the review on line ${header.first + 1}`,
    )
  }
  return {
    rating,
    title,
    author: author ?? '',
    date,
    bylineRaw: rawParts.join(' '),
    bylineAmbiguous: false,
    bylineAlternatives: date === null ? [] : [{ author: author ?? '', date }],
    spoiler,
    helpful,
    body,
    line: header.first + 1,
    truncated: false,
  }
}

function nextIsMeta(lines: string[], metas: (MetaLine | null)[], k: number): boolean {
  const next = nextNonBlank(lines, k + 1)
  return next < lines.length && metas[next] !== null && metas[next] !== undefined
}

function isShort(line: string): boolean {
  return line.length > 0 && line.length <= SHORT && !/[.!?]$/.test(line)
}

function previousNonBlank(lines: string[], i: number): number {
  let k = i
  while (k >= 0 && (lines[k] ?? '') === '') k--
  return k
}

function nextNonBlank(lines: string[], i: number): number {
  let k = i
  while (k < lines.length && (lines[k] ?? '') === '') k++
  return k
}

function firstNonBlank(lines: string[], i: number): number {
  return Math.min(nextNonBlank(lines, i), lines.length - 1)
}

function addFragment(
  fragments: UnparsedFragment[],
  warnings: ImportWarning[],
  line: number,
  text: string,
): void {
  fragments.push({ line, text })
  warn(
    warnings,
    line - 1,
    'unparsed-fragment',
    `Text from line ${line} is not a review (no date, rating or author line above it): "${previewOf(text)}"`,
  )
}

function warn(warnings: ImportWarning[], index: number, code: string, message: string): void {
  warnings.push({ line: index + 1, code, message })
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k)
}
