/**
 * Runs `fn` over `items` with at most `limit` calls in flight and returns the results in the
 * order of `items`. Opening a library's files this way overlaps reading one file with parsing
 * another: one at a time, a 100,000-review library spent a third of its open time waiting on disk.
 */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i]!)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
