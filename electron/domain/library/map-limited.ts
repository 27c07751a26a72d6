/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns the results in the
 * order of `items`. Opening a library's files this way overlaps reading one file with parsing
 * another: one at a time, a 100,000-review library spent a third of its open time waiting on disk.
 * After a call fails no further item is started, and the failure is thrown only once the calls
 * in flight have settled: the caller releases the library's lock then, and nothing may still be
 * repairing a file of it.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  let failed = false
  const worker = async (): Promise<void> => {
    while (next < items.length && !failed) {
      const i = next++
      try {
        results[i] = await fn(items[i]!)
      } catch (e) {
        failed = true
        throw e
      }
    }
  }
  const settled = await Promise.allSettled(
    Array.from({ length: Math.min(limit, items.length) }, worker),
  )
  const failure = settled.find((s) => s.status === 'rejected')
  if (failure) throw failure.reason
  return results
}
