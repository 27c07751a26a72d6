import type { ReviewQuery } from '../../../shared/query'
import type { DocColumns } from './doc-columns'
import { fullOrder, packer, unpack } from './sort-order'

// The sorts of sort-order.ts cut into steps of bounded work, for building orders in the
// background: a generator yields after each step, so whoever drives it can stop at a time budget
// and let a request in. One step touches at most a few thousand elements (well under a
// millisecond at 100,000 reviews); the results equal the ones built in one go.

const STEP = 2048

export type Steps<T> = Generator<void, T, void>

/**
 * Sorts `a` in place, ascending by `compare` (numerically without one), stably: runs of STEP
 * elements with the native sort, then bottom-up merges, yielding after every STEP elements.
 */
export function* sortInSteps(
  a: Float64Array | Uint32Array,
  compare?: (x: number, y: number) => number,
): Steps<void> {
  const n = a.length
  for (let lo = 0; lo < n; lo += STEP) {
    a.subarray(lo, Math.min(n, lo + STEP)).sort(compare)
    yield
  }
  const before = compare ?? ((x: number, y: number) => x - y)
  let from: Float64Array | Uint32Array = a
  let to: Float64Array | Uint32Array =
    a instanceof Float64Array ? new Float64Array(n) : new Uint32Array(n)
  for (let width = STEP; width < n; width *= 2) {
    let moved = 0
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width)
      const hi = Math.min(n, lo + 2 * width)
      let i = lo
      let j = mid
      let k = lo
      while (i < mid && j < hi) {
        // Equal elements keep their order: the left run's first.
        to[k++] = before(from[i]!, from[j]!) <= 0 ? from[i++]! : from[j++]!
        if (++moved % STEP === 0) yield
      }
      // What is left of one run is copied as one block.
      if (i < mid) to.set(from.subarray(i, mid), k)
      else if (j < hi) to.set(from.subarray(j, hi), k)
    }
    ;[from, to] = [to, from]
    yield
  }
  if (from !== a) a.set(from)
}

/** rankTitles in steps: each alive review's rank by lower-cased headline (ties share a rank). */
export function* rankTitlesInSteps(cols: DocColumns): Steps<Int32Array> {
  const n = cols.size
  const titles = new Array<string>(n)
  for (let o = 0; o < n; o++) {
    titles[o] = cols.docs[o]?.title.toLowerCase() ?? ''
    if (o % STEP === STEP - 1) yield
  }
  const order = new Uint32Array(n)
  for (let o = 0; o < n; o++) order[o] = o
  yield* sortInSteps(order, (a, b) =>
    titles[a]! < titles[b]! ? -1 : titles[a]! > titles[b]! ? 1 : a - b,
  )
  const rank = new Int32Array(n)
  let r = 0
  for (let i = 0; i < n; i++) {
    if (i > 0 && titles[order[i]!] !== titles[order[i - 1]!]) r++
    rank[order[i]!] = r
  }
  return rank
}

/** fullOrder in steps: every ordinal (dead ones too) in the order of `sort`. */
export function* fullOrderInSteps(
  cols: DocColumns,
  sort: NonNullable<ReviewQuery['sort']>,
  titleRank: () => Int32Array,
): Steps<Uint32Array> {
  const pack = packer(cols, sort, titleRank)
  // Beyond what packs into a float (2 million reviews): the comparator sort, in one go.
  if (!pack) return fullOrder(cols, sort, titleRank)
  const n = cols.size
  const packed = new Float64Array(n)
  for (let o = 0; o < n; o++) {
    packed[o] = pack(o)
    if (o % STEP === STEP - 1) yield
  }
  yield* sortInSteps(packed)
  const order = new Uint32Array(n)
  for (let i = 0; i < n; i++) order[i] = unpack(packed[i]!)
  return order
}
