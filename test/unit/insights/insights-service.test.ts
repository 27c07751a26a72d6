import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { addTags, setMyRating } from '../../../electron/app/commands/curate'
import { computeInsights } from '../../../electron/domain/queries/insights-service'
import { referenceLibrary } from '../support/reference-library'

let library: Library
let cleanup: () => Promise<void>
let rated: { id: string; rating: number; title: string }[]

beforeAll(async () => {
  ;({ library, cleanup } = await referenceLibrary())
  rated = [...library.allReviews()]
    .filter((r) => r.rating !== null)
    .map((r) => ({ id: r.id, rating: r.rating!, title: r.title }))
  // Mine: the opposite end of the scale for the first review, one off for the second.
  await setMyRating(library, [rated[0]!.id], 11 - rated[0]!.rating)
  await setMyRating(library, [rated[1]!.id], rated[1]!.rating === 10 ? 9 : rated[1]!.rating + 1)
  await addTags(library, [rated[0]!.id, rated[1]!.id], ['acting'])
  await addTags(library, [rated[2]!.id], ['pull-quote'])
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

describe('insights', () => {
  it('counts original and my ratings per value over the whole match set', () => {
    const all = [...library.allReviews()]
    const insights = computeInsights(library, {})
    expect(insights.total).toBe(all.length)
    expect(insights.ratings).toHaveLength(10)
    const originalTotal = insights.ratings.reduce((n, b) => n + b.original, 0)
    expect(originalTotal).toBe(rated.length)
    expect(insights.ratings.reduce((n, b) => n + b.mine, 0)).toBe(2)
    const sevens = all.filter((r) => r.rating === 7).length
    expect(insights.ratings[6]).toMatchObject({ rating: 7, original: sevens })
    expect(insights.averageRating).toBeCloseTo(
      rated.reduce((n, r) => n + r.rating, 0) / rated.length,
    )
  })

  it('lists tags by frequency with their average original rating', () => {
    const insights = computeInsights(library, {})
    expect(insights.tags.map((t) => [t.tag, t.count])).toEqual([
      ['acting', 2],
      ['pull-quote', 1],
    ])
    expect(insights.tags[0]!.averageRating).toBeCloseTo((rated[0]!.rating + rated[1]!.rating) / 2)
  })

  it('puts the biggest disagreement first', () => {
    const { disagreements } = computeInsights(library, {})
    expect(disagreements[0]).toMatchObject({ id: rated[0]!.id, rating: rated[0]!.rating })
    expect(Math.abs(disagreements[0]!.difference)).toBeGreaterThanOrEqual(
      Math.abs(disagreements[1]!.difference),
    )
  })

  it('shows every period between the first and last review, empty ones as zero', () => {
    const { overTime, periodUnit } = computeInsights(library, {})
    expect(periodUnit).toBe('year')
    const years = overTime.map((p) => Number(p.period))
    expect(years).toEqual(years.map((_, i) => years[0]! + i))
    const dated = [...library.allReviews()].filter((r) => r.date).length
    expect(overTime.reduce((n, p) => n + p.count, 0)).toBe(dated)
  })

  it('follows the query', () => {
    const insights = computeInsights(library, { tags: ['pull-quote'] })
    expect(insights.total).toBe(1)
    expect(insights.tags).toEqual([expect.objectContaining({ tag: 'pull-quote', count: 1 })])
    expect(insights.disagreements).toEqual([])
  })
})
