import type { Helpful, MappedField, ParsedReview, WorkRef } from '../../../../shared/domain'
import { parseDate } from '../dates'
import { workOf } from '../imdb/lines'
import { starsOf, toTen, type RatingScale } from '../rating-scale'

export type Fields = Partial<Record<Exclude<MappedField, 'ignore'>, unknown>>

/** The values of one record, by the field each column is mapped to. */
export function fieldsOf(
  values: Record<string, unknown>,
  mapping: Map<string, MappedField>,
): Fields {
  const fields: Fields = {}
  for (const [name, field] of mapping) {
    if (field !== 'ignore' && fields[field] === undefined) fields[field] = values[name]
  }
  return fields
}

export function text(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  return JSON.stringify(value)
}

/** A rating with its own scale ("8/10", "★★★★☆") or a bare number on the dump's scale. */
export function ratingParts(value: unknown): { value: number; scale: RatingScale | null } | null {
  if (typeof value === 'number') return Number.isFinite(value) ? { value, scale: null } : null
  const s = text(value).trim()
  if (s === '') return null
  const stars = starsOf(s)
  if (stars !== null) return { value: stars, scale: 5 }
  const scaled = /^(\d+(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(5|10|100)$/i.exec(s)
  if (scaled !== null) {
    return {
      value: Number((scaled[1] ?? '').replace(',', '.')),
      scale: Number(scaled[2]) as RatingScale,
    }
  }
  const bare = /^(\d+(?:[.,]\d+)?)$/.exec(s)
  return bare === null ? null : { value: Number((bare[1] ?? '').replace(',', '.')), scale: null }
}

/** The scale of bare ratings, from the largest one: 5, 10 or 100. */
export function guessScale(max: number): RatingScale {
  if (max <= 5) return 5
  return max <= 10 ? 10 : 100
}

export function convertRating(value: unknown, scale: RatingScale): number | null {
  const parts = ratingParts(value)
  return parts === null ? null : toTen(parts.value, parts.scale ?? scale)
}

export function dateOf(value: unknown): { iso: string | null; raw: string } {
  if (typeof value === 'number' && Number.isFinite(value)) {
    // Epoch seconds or milliseconds, as scrapers write timestamps.
    const ms = value < 1e11 ? value * 1000 : value
    const date = new Date(ms)
    return {
      iso: Number.isNaN(date.getTime()) ? null : date.toISOString().slice(0, 10),
      raw: String(value),
    }
  }
  const raw = text(value).trim()
  return { iso: parseDate(raw)?.iso ?? null, raw }
}

export function helpfulOfValue(yes: unknown, total: unknown): Helpful | null {
  const count = (v: unknown): number | null => {
    const n = typeof v === 'number' ? v : Number(text(v).replace(/[\s,]/g, ''))
    return text(v).trim() !== '' && Number.isFinite(n) && n >= 0 ? Math.round(n) : null
  }
  const pair = /^(\d[\d,]*)\s*(?:\/|of|out of)\s*(\d[\d,]*)/.exec(text(yes).trim())
  if (pair !== null) return { yes: count(pair[1]) ?? 0, total: count(pair[2]) ?? 0 }
  const y = count(yes)
  if (y === null) return null
  return { yes: y, total: Math.max(y, count(total) ?? y) }
}

export function booleanOf(value: unknown): boolean {
  if (typeof value === 'boolean') return value
  return /^(?:true|yes|y|1|spoiler|spoilers)$/i.test(text(value).trim())
}

export function workOfFields(fields: Fields): WorkRef | null {
  const title = text(fields.work).trim()
  if (title === '') return null
  const parsed = workOf(title, false)
  const year = Number(text(fields.year).trim())
  if (parsed !== null && parsed.year !== null) return parsed
  return { title, year: Number.isInteger(year) && year > 1800 ? year : null }
}

export function reviewOf(fields: Fields, line: number, scale: RatingScale): ParsedReview {
  const author = text(fields.author).trim()
  const date = dateOf(fields.date)
  const work = workOfFields(fields)
  return {
    rating: convertRating(fields.rating, scale),
    title: text(fields.title).trim(),
    author,
    date: date.iso,
    bylineRaw: [author, date.raw].filter((s) => s !== '').join(' '),
    bylineAmbiguous: false,
    bylineAlternatives: date.iso === null ? [] : [{ author, date: date.iso }],
    spoiler: booleanOf(fields.spoiler),
    helpful: helpfulOfValue(fields.helpful, fields.helpfulTotal),
    body: text(fields.body).replace(/\r\n?/g, '\n').trim(),
    line,
    truncated: false,
    ...(work === null ? {} : { work }),
  }
}
