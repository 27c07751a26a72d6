// The golden file of one corpus page, and how a parse result is compared with it field by field.
import type { ParseResult, WorkRef } from '../../shared/domain'

export interface ExpectedReview {
  work: WorkRef | null
  title: string
  author: string
  date: string | null
  rating: number | null
  spoiler: boolean
  helpful: { yes: number; total: number } | null
  body: string
  truncated: boolean
  sourceKind?: 'critic' | 'user'
}

export interface ExpectedPage {
  family: string
  format: string
  declaredCount: number | null
  reviews: ExpectedReview[]
}

export const FIELDS = [
  'work',
  'title',
  'author',
  'date',
  'rating',
  'spoiler',
  'helpful',
  'body',
  'truncated',
  'sourceKind',
] as const

/** A parse result in the golden file's shape: each review with its effective work. */
export function actualOf(result: ParseResult): ExpectedReview[] {
  return result.reviews.map((r) => ({
    work: r.work ?? result.work,
    title: r.title,
    author: r.author,
    date: r.date,
    rating: r.rating,
    spoiler: r.spoiler,
    helpful: r.helpful,
    body: r.body,
    truncated: r.truncated,
    ...(r.sourceKind === undefined ? {} : { sourceKind: r.sourceKind }),
  }))
}

export interface PageScore {
  fields: number
  exact: number
  expected: number
  found: number
  extra: number
}

/**
 * Reviews are matched in order by their body's first words (a merged or missed review then
 * costs its fields, not every later one); each matched review scores one point per exact field.
 */
export function scorePage(expected: ExpectedReview[], actual: ExpectedReview[]): PageScore {
  const used = new Set<number>()
  let exact = 0
  let found = 0
  for (const want of expected) {
    const key = want.body.slice(0, 40)
    const index = actual.findIndex((got, i) => !used.has(i) && got.body.slice(0, 40) === key)
    if (index === -1) continue
    used.add(index)
    found++
    const got = actual[index]
    for (const field of FIELDS) {
      if (JSON.stringify(got?.[field] ?? null) === JSON.stringify(want[field] ?? null)) exact++
    }
  }
  return {
    fields: expected.length * FIELDS.length,
    exact,
    expected: expected.length,
    found,
    extra: actual.length - used.size,
  }
}
