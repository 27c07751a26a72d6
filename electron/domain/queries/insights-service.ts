import type {
  Disagreement,
  Insights,
  PeriodCount,
  RatingBucket,
  TagStat,
} from '../../../shared/channels/insights'
import type { ReviewQuery } from '../../../shared/query'
import type { Library } from '../library/library'
import { shownByline } from '../../../shared/shown-byline'
import { matchReviews, type Match } from './query-service'

// Figures for the insights panel, computed in main over every match of the query so the renderer
// only ever receives a few hundred numbers, however large the library.

const TOP_TAGS = 20
const TOP_DISAGREEMENTS = 10
/** Spans shorter than this many years are shown month by month. */
const MONTHLY_UNDER_YEARS = 3

const mean = (sum: number, n: number): number | null => (n === 0 ? null : sum / n)

function ratingBuckets(matches: Match[]): RatingBucket[] {
  const buckets = Array.from({ length: 10 }, (_, i) => ({ rating: i + 1, original: 0, mine: 0 }))
  for (const { review, curation } of matches) {
    if (review.rating !== null) buckets[review.rating - 1]!.original++
    if (curation.myRating !== null) buckets[curation.myRating - 1]!.mine++
  }
  return buckets
}

type PeriodAcc = Map<string, { count: number; sum: number; rated: number }>

/** Every period from the first to the last, empty ones included, so the time axis is honest. */
function continuous(acc: PeriodAcc, unit: 'year' | 'month'): PeriodCount[] {
  const keys = [...acc.keys()].sort()
  if (keys.length === 0) return []
  const out: PeriodCount[] = []
  let [year, month] = keys[0]!.split('-').map(Number) as [number, number | undefined]
  const last = keys.at(-1)!
  for (let guard = 0; guard < 5000; guard++) {
    const key = unit === 'year' ? String(year) : `${year}-${String(month).padStart(2, '0')}`
    const a = acc.get(key)
    out.push({ period: key, count: a?.count ?? 0, averageRating: a ? mean(a.sum, a.rated) : null })
    if (key === last) break
    if (unit === 'year') year++
    else if (month === 12) [year, month] = [year + 1, 1]
    else month = (month ?? 0) + 1
  }
  return out
}

function overTime(matches: Match[]): { unit: 'year' | 'month'; periods: PeriodCount[] } {
  let first = Infinity
  let last = -Infinity
  for (const m of matches) {
    const date = shownByline(m.review, m.curation).date
    if (!date) continue
    const year = Number(date.slice(0, 4))
    if (year < first) first = year
    if (year > last) last = year
  }
  const years = last >= first ? last - first : 0
  const unit = years < MONTHLY_UNDER_YEARS ? 'month' : 'year'
  const cut = unit === 'month' ? 7 : 4
  const acc: PeriodAcc = new Map()
  for (const m of matches) {
    const date = shownByline(m.review, m.curation).date
    if (!date) continue
    const key = date.slice(0, cut)
    const a = acc.get(key) ?? { count: 0, sum: 0, rated: 0 }
    a.count++
    if (m.review.rating !== null) {
      a.sum += m.review.rating
      a.rated++
    }
    acc.set(key, a)
  }
  return { unit, periods: continuous(acc, unit) }
}

function tagStats(library: Library, matches: Match[]): TagStat[] {
  const colours = new Map(library.tags.map((t) => [t.name.toLowerCase(), t.color]))
  const acc = new Map<string, { count: number; sum: number; rated: number }>()
  for (const { review, curation } of matches) {
    for (const tag of curation.tags) {
      const a = acc.get(tag) ?? { count: 0, sum: 0, rated: 0 }
      a.count++
      if (review.rating !== null) {
        a.sum += review.rating
        a.rated++
      }
      acc.set(tag, a)
    }
  }
  return [...acc.entries()]
    .map(([tag, a]) => ({
      tag,
      color: colours.get(tag.toLowerCase()) ?? '#888888',
      count: a.count,
      averageRating: mean(a.sum, a.rated),
    }))
    .sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag))
    .slice(0, TOP_TAGS)
}

function disagreements(matches: Match[]): Disagreement[] {
  const out: Disagreement[] = []
  for (const { review, curation } of matches) {
    if (review.rating === null || curation.myRating === null) continue
    const shown = shownByline(review, curation)
    out.push({
      id: review.id,
      title: review.title,
      author: shown.author,
      rating: review.rating,
      myRating: curation.myRating,
      difference: curation.myRating - review.rating,
    })
  }
  return out
    .filter((d) => d.difference !== 0)
    .sort(
      (a, b) => Math.abs(b.difference) - Math.abs(a.difference) || a.title.localeCompare(b.title),
    )
    .slice(0, TOP_DISAGREEMENTS)
}

export function computeInsights(library: Library, query: ReviewQuery): Insights {
  const matches = matchReviews(library, { ...query, sort: undefined })
  let ratingSum = 0
  let rated = 0
  let mineSum = 0
  let myRated = 0
  for (const { review, curation } of matches) {
    if (review.rating !== null) {
      ratingSum += review.rating
      rated++
    }
    if (curation.myRating !== null) {
      mineSum += curation.myRating
      myRated++
    }
  }
  const time = overTime(matches)
  return {
    total: matches.length,
    rated,
    myRated,
    averageRating: mean(ratingSum, rated),
    averageMyRating: mean(mineSum, myRated),
    ratings: ratingBuckets(matches),
    overTime: time.periods,
    periodUnit: time.unit,
    tags: tagStats(library, matches),
    disagreements: disagreements(matches),
  }
}
