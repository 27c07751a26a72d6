import { SORT_FIELDS, type ReviewQuery } from '../../../shared/query'
import type { DocColumns } from './doc-columns'
import { fullOrderInSteps, rankTitlesInSteps, type Steps } from './sort-steps'

// The first sort by a field used to build that field's order of every review on the spot (100 to
// 300 ms at 100,000 reviews on a busy 2-core machine), while the user waited for the list. The
// warmer builds the orders the list can ask for ahead of time, in slices of a few milliseconds
// between requests, once the library has been quiet for a moment: after the open, and again after
// a change that made orders stale. A request that needs an order not built yet builds it then,
// as before; the warmer skips what is already there.

type Sort = NonNullable<ReviewQuery['sort']>

/** Every sort the list offers: descending first (a new field's default), then ascending. */
export const WARM_SORTS: readonly Sort[] = [
  ...SORT_FIELDS.map((field): Sort => ({ field, dir: 'desc' })),
  ...SORT_FIELDS.map((field): Sort => ({ field, dir: 'asc' })),
]

export const orderKey = (sort: Sort): string => `${sort.field}:${sort.dir}`

/** The engine's caches the warmer fills, read and written through it. */
export interface WarmTarget {
  columns(): DocColumns
  /** Whether the engine has other background work first (its text index). */
  busy(): boolean
  titleRanks(): Int32Array | null
  setTitleRanks(ranks: Int32Array): void
  order(key: string): Uint32Array | undefined
  setOrder(key: string, order: Uint32Array): void
}

export interface SortWarmerOptions {
  /** Runs `run` after `delayMs` (0: as soon as pending requests have had their turn). */
  schedule?: (run: () => void, delayMs: number) => void
  /** Work per slice before yielding. */
  sliceMs?: number
  /** How long after the last change (or while the engine is busy) the warmer waits to start. */
  quietMs?: number
  /**
   * Other work ran between two slices when more than this passed between them (an idle event
   * loop takes a few hundredths of a millisecond): the warmer then waits quietMs.
   */
  idleGapMs?: number
  now?: () => number
}

const defaultSchedule = (run: () => void, delayMs: number): void => {
  // The wait is unreferenced, so it never keeps a command-line run alive. The slices are not:
  // an unreferenced immediate waits for whatever next wakes the event loop. Closing the library
  // stops them (SearchEngine stops the warmer).
  if (delayMs > 0) setTimeout(run, delayMs).unref()
  else setImmediate(run)
}

export class SortWarmer {
  private job = 0
  private stopped = false
  private readonly schedule: (run: () => void, delayMs: number) => void
  private readonly sliceMs: number
  private readonly quietMs: number
  private readonly idleGapMs: number
  private readonly now: () => number

  constructor(
    private readonly target: WarmTarget,
    options: SortWarmerOptions = {},
  ) {
    this.schedule = options.schedule ?? defaultSchedule
    this.sliceMs = options.sliceMs ?? 4
    this.quietMs = options.quietMs ?? 500
    this.idleGapMs = options.idleGapMs ?? 1
    this.now = options.now ?? (() => performance.now())
  }

  /**
   * The orders or the columns they read changed: whatever is being built is dropped (it may have
   * read old values), and the missing orders are built once nothing has changed for quietMs.
   */
  restart(): void {
    if (this.stopped) return
    const job = ++this.job
    this.schedule(() => this.begin(job), this.quietMs)
  }

  stop(): void {
    this.stopped = true
    this.job++
  }

  private begin(job: number): void {
    if (job !== this.job) return
    if (this.target.busy()) return this.schedule(() => this.begin(job), this.quietMs)
    const steps = this.steps()
    let lastEnd = -Infinity
    const slice = () => {
      // A change since the last slice: these steps read what is stale now.
      if (job !== this.job) return
      const start = this.now()
      // A request in progress runs between our slices (a bulk commit awaits each of its writes):
      // a slice in every gap would slow it by a slice per await, so the warmer steps aside.
      if (start - lastEnd > this.idleGapMs && lastEnd !== -Infinity) {
        lastEnd = -Infinity
        return this.schedule(slice, this.quietMs)
      }
      const deadline = start + this.sliceMs
      do {
        if (steps.next().done) return
      } while (this.now() < deadline)
      lastEnd = this.now()
      this.schedule(slice, 0)
    }
    slice()
  }

  private *steps(): Steps<void> {
    const { target } = this
    const cols = target.columns()
    for (const sort of WARM_SORTS) {
      const key = orderKey(sort)
      if (target.order(key)) continue
      let ranks = target.titleRanks()
      if (sort.field === 'title' && !ranks) {
        ranks = yield* rankTitlesInSteps(cols)
        // A request may have built them meanwhile: the same ranks, keep the first.
        if (!target.titleRanks()) target.setTitleRanks(ranks)
      }
      const order = yield* fullOrderInSteps(cols, sort, () => ranks ?? target.titleRanks()!)
      if (!target.order(key)) target.setOrder(key, order)
    }
  }
}
