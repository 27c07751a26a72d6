import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { computeInsights } from '../../../electron/domain/queries/insights-service'
import { matchReviews, queryReviews } from '../../../electron/domain/queries/query-service'
import { periodSpan } from '../../../shared/date-period'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from './search-fixture'

// The `dates` field of a query: what a click on a period of the over-time chart sets.

let library: Library
let cleanup: () => Promise<void>
let all: Review[]

beforeAll(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
  await fillLibrary(library, 400, 5)
  all = [...library.allReviews()]
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

const ids = (q: Parameters<typeof queryReviews>[1]) =>
  queryReviews(library, q, 0, 1000).rows.map((r) => r.id)
const within = (from: string, to: string) => (r: Review) =>
  r.date !== null && r.date >= from && r.date <= to

describe('the dates filter', () => {
  it('keeps the reviews dated within the days, both ends included', () => {
    const dated = all.filter((r) => r.date !== null).map((r) => r.date!)
    dated.sort()
    // Bounds taken from the data, so each end has a review exactly on it.
    const from = dated[Math.floor(dated.length / 4)]!
    const to = dated[Math.floor((dated.length * 3) / 4)]!
    const expected = all.filter(within(from, to)).map((r) => r.id)
    expect(expected.length).toBeGreaterThan(2)
    expect(ids({ dates: { from, to } })).toEqual(expected)
  })

  it('combines with the other fields and the typed query', () => {
    const { from, to } = periodSpan(all.find((r) => r.date !== null)!.date!.slice(0, 4))
    const expected = all
      .filter((r) => within(from, to)(r) && (r.rating ?? 0) >= 6 && !r.spoiler)
      .map((r) => r.id)
    expect(expected.length).toBeGreaterThan(0)
    expect(ids({ dates: { from, to }, q: 'rating:>=6', spoilers: 'exclude' })).toEqual(expected)
  })

  it('selects exactly the reviews the chart counts for each period', () => {
    const { overTime, periodUnit } = computeInsights(library, {})
    expect(periodUnit).toBe('year')
    expect(overTime.filter((p) => p.count > 0).length).toBeGreaterThan(3)
    for (const p of overTime)
      expect(matchReviews(library, { dates: periodSpan(p.period) }).length, p.period).toBe(p.count)
  })

  it('selects the months of a narrower chart', () => {
    const year = all.find((r) => r.date !== null)!.date!.slice(0, 4)
    const { overTime, periodUnit } = computeInsights(library, { dates: periodSpan(year) })
    expect(periodUnit).toBe('month')
    expect(overTime.every((p) => p.period.startsWith(`${year}-`))).toBe(true)
    for (const p of overTime)
      expect(matchReviews(library, { dates: periodSpan(p.period) }).length, p.period).toBe(p.count)
  })
})
