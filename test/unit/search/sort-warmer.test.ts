import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Curation } from '../../../shared/domain'
import type { ReviewQuery } from '../../../shared/query'
import { emptyCuration, type Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import type { DocColumns } from '../../../electron/domain/search/doc-columns'
import { SearchEngine } from '../../../electron/domain/search/search-engine'
import { fullOrder, rankTitles } from '../../../electron/domain/search/sort-order'
import { sortInSteps } from '../../../electron/domain/search/sort-steps'
import {
  orderKey,
  SortWarmer,
  WARM_SORTS,
  type WarmTarget,
} from '../../../electron/domain/search/sort-warmer'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from './search-fixture'

// Enough reviews for several rounds of merging (runs are 2,048 long).
const SIZE = 6000

let library: Library
let cleanup: () => Promise<void>

beforeAll(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
  await fillLibrary(library, SIZE)
  // Some of my ratings, so the curated sorts have more than one key.
  const rated = new Map<string, Curation>()
  let i = 0
  for (const review of library.allReviews())
    if (i++ % 7 === 0) rated.set(review.id, { ...emptyCuration(), myRating: 1 + (i % 10) })
  await library.saveCuration(rated)
  // Generating and writing the reviews takes a while on a loaded machine.
}, 120_000)
afterAll(async () => {
  await library.close()
  await cleanup()
})

/** A scheduler the test drives: what was asked, with its delay, run one at a time. */
function manualScheduler() {
  const queue: { run: () => void; delayMs: number }[] = []
  return {
    queue,
    schedule: (run: () => void, delayMs: number) => void queue.push({ run, delayMs }),
    /** Runs the next scheduled call; false when nothing is scheduled. */
    step: () => {
      const next = queue.shift()
      next?.run()
      return next !== undefined
    },
  }
}

/** A clock that moves one millisecond each time it is read. */
function tickingClock() {
  let t = 0
  return () => ++t
}

/** The engine's caches, as plain maps over `cols`. */
function mapTarget(cols: DocColumns, busy = () => false) {
  const orders = new Map<string, Uint32Array>()
  let ranks: Int32Array | null = null
  const target: WarmTarget = {
    columns: () => cols,
    busy,
    titleRanks: () => ranks,
    setTitleRanks: (r) => (ranks = r),
    order: (key) => orders.get(key),
    setOrder: (key, order) => void orders.set(key, order),
  }
  return { target, orders, ranks: () => ranks }
}

const onDemand = (cols: DocColumns, sort: NonNullable<ReviewQuery['sort']>) =>
  fullOrder(cols, sort, () => rankTitles(cols))

describe('sorting in steps', () => {
  it('sorts numbers as the native sort does, yielding many times on the way', () => {
    let seed = 3
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 1000
    const values = Float64Array.from({ length: 10_007 }, () => Math.floor(random()))
    const sorted = values.slice()
    let yields = 0
    for (const _ of sortInSteps(sorted)) yields++
    expect(Array.from(sorted)).toEqual(Array.from(values.slice().sort()))
    expect(yields).toBeGreaterThan(10)
  })

  it('keeps equal elements in their order under a comparator', () => {
    const keys = Array.from({ length: 7000 }, (_, i) => (i * 7919) % 13)
    const items = Uint32Array.from(keys.keys())
    const drained = sortInSteps(items, (a, b) => keys[a]! - keys[b]!)
    while (!drained.next().done);
    const expected = [...keys.keys()].sort((a, b) => keys[a]! - keys[b]! || a - b)
    expect(Array.from(items)).toEqual(expected)
  })
})

describe('the sort warmer', () => {
  const columns = () => new SearchEngine(library, { warm: false }).cols

  it('waits for a quiet moment, then builds every order in short slices, each equal to one built on demand', () => {
    const cols = columns()
    const { target, orders, ranks } = mapTarget(cols)
    const clock = manualScheduler()
    const warmer = new SortWarmer(target, {
      schedule: clock.schedule,
      now: tickingClock(),
      // One step per slice: the slices count the steps.
      sliceMs: 1,
      quietMs: 250,
      idleGapMs: 10,
    })
    warmer.restart()
    expect(clock.queue.map((c) => c.delayMs)).toEqual([250])
    let slices = 0
    while (clock.step()) {
      slices++
      // Each slice hands back to the event loop at once, not after a delay.
      for (const next of clock.queue) expect(next.delayMs).toBe(0)
    }
    // Yielding, not one long block: many steps per order.
    expect(slices).toBeGreaterThan(WARM_SORTS.length * 10)
    expect([...orders.keys()].sort()).toEqual(WARM_SORTS.map(orderKey).sort())
    for (const sort of WARM_SORTS) expect(orders.get(orderKey(sort))).toEqual(onDemand(cols, sort))
    expect(ranks()).toEqual(rankTitles(cols))
  })

  it('drops what it was building when the columns change, and builds it again from the new ones', () => {
    const cols = columns()
    const { target, orders } = mapTarget(cols)
    const clock = manualScheduler()
    const warmer = new SortWarmer(target, {
      schedule: clock.schedule,
      now: tickingClock(),
      // One step per slice.
      sliceMs: 1,
      idleGapMs: 10,
    })
    warmer.restart()
    // Run until the warmer is part way through my rating's order (it follows date and rating).
    while (orders.size < 2) clock.step()
    for (let i = 0; i < 3; i++) clock.step()
    expect(orders.has('myRating:desc')).toBe(false)
    // As the engine does on a curation change: new values, the stale order gone, a restart.
    for (let o = 0; o < cols.size; o += 3) cols.setCuration(o, { ...emptyCuration(), myRating: 10 })
    orders.delete('myRating:desc')
    warmer.restart()
    while (clock.step());
    expect(orders.get('myRating:desc')).toEqual(onDemand(cols, { field: 'myRating', dir: 'desc' }))
  })

  it('steps aside for quietMs when other work ran between two of its slices', () => {
    let t = 0
    const { target, orders } = mapTarget(columns())
    const clock = manualScheduler()
    const warmer = new SortWarmer(target, {
      schedule: clock.schedule,
      now: () => ++t,
      sliceMs: 4,
      quietMs: 300,
      idleGapMs: 2,
    })
    warmer.restart()
    clock.step()
    clock.step()
    expect(clock.queue.map((c) => c.delayMs)).toEqual([0])
    // A request's work between two slices.
    t += 40
    clock.step()
    expect(clock.queue.map((c) => c.delayMs)).toEqual([300])
    // Back after the wait, it carries on where it was, and finishes.
    clock.step()
    expect(clock.queue.map((c) => c.delayMs)).toEqual([0])
    while (clock.step());
    expect(orders.size).toBe(WARM_SORTS.length)
  })

  it('keeps away while the engine is busy, and stops for good', () => {
    let busy = true
    const { target, orders } = mapTarget(columns(), () => busy)
    const clock = manualScheduler()
    const warmer = new SortWarmer(target, { schedule: clock.schedule, quietMs: 100 })
    warmer.restart()
    for (let i = 0; i < 5; i++) clock.step()
    expect(orders.size).toBe(0)
    expect(clock.queue.map((c) => c.delayMs)).toEqual([100])
    busy = false
    clock.step()
    warmer.stop()
    while (clock.step());
    expect(orders.size).toBeLessThan(WARM_SORTS.length)
    warmer.restart()
    expect(clock.queue).toHaveLength(0)
  })

  it('warms the engine: sorted answers equal an engine that sorts on demand, before and after an edit', async () => {
    // A smaller library: the engines build their text index first, which is slow to wait for.
    const temp = await tempDir()
    const small = await openLibrary(temp.dir, { now: steppingClock() })
    await fillLibrary(small, 600)
    const clock = manualScheduler()
    // The text index is built at once, in one slice per engine: the warmer waits for it.
    const indexing: (() => void)[] = []
    const index = { schedule: (run: () => void) => void indexing.push(run), sliceMs: 1e9 }
    const warm = new SearchEngine(small, {
      ...index,
      warm: { schedule: clock.schedule, quietMs: 0 },
    })
    const cold = new SearchEngine(small, { ...index, warm: false })
    clock.step()
    expect(clock.queue).toHaveLength(1)
    while (indexing.length > 0) indexing.shift()!()
    const answers = (engine: SearchEngine) =>
      WARM_SORTS.map((sort) => Array.from(engine.run({ sort })))
    try {
      while (clock.step());
      expect(answers(warm)).toEqual(answers(cold))
      // An edit makes the curated orders stale; the warmer builds them again.
      const changed = new Map<string, Curation>()
      let i = 0
      for (const review of small.allReviews())
        if (i++ % 5 === 0) changed.set(review.id, { ...emptyCuration(), myRating: 2 })
      await small.saveCuration(changed)
      expect(clock.queue.length).toBeGreaterThan(0)
      while (clock.step());
      warm.clearCache()
      cold.clearCache()
      expect(answers(warm)).toEqual(answers(cold))
    } finally {
      warm.dispose()
      cold.dispose()
      await small.close()
      await temp.cleanup()
    }
  }, 60_000)
})
