// Times opening one library, and each step of reading its review files on their own, so a change
// to the open path can be measured without the whole bench: tsx test/bench/open-phases.ts <dir> [runs]

import { readdirSync, readFileSync } from 'node:fs'
import { isAscii } from 'node:buffer'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { openLibrary } from '../../electron/domain/library/open-library'
import { validateReviewsFile } from '../../electron/domain/store/validate'
import { isReviewRecord } from '../../electron/domain/store/review-shape'
import { ReviewRecord } from '../../shared/records/review'
import { queryReviews } from '../../electron/domain/queries/query-service'
import { DEFAULT_VIEW } from './queries'
import { readListCache } from '../../electron/domain/library/list-cache'
import { listCacheWritten } from '../../electron/domain/library/list-cache-keeper'
import { reviewFilesStamp } from '../../electron/domain/search/review-files-stamp'

function time<T>(label: string, run: () => T): T {
  const t = performance.now()
  const out = run()
  console.log(`${label.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`)
  return out
}

async function timeAsync<T>(label: string, run: () => Promise<T>): Promise<T> {
  const t = performance.now()
  const out = await run()
  console.log(`${label.padEnd(28)} ${(performance.now() - t).toFixed(0).padStart(6)} ms`)
  return out
}

async function main(dir: string, runs: number): Promise<void> {
  const folder = join(dir, 'reviews')
  const names = readdirSync(folder).filter((n) => n.endsWith('.json'))
  const buffers = time('read review files', () => names.map((n) => readFileSync(join(folder, n))))
  const texts = time('decode', () => buffers.map((b) => b.toString(isAscii(b) ? 'latin1' : 'utf8')))
  const parsed = time('JSON.parse', () =>
    texts.map((t) => JSON.parse(t) as Record<string, unknown>),
  )
  const reviews = parsed.flatMap((p) => p.reviews as unknown[])
  time('check reviews with zod', () => reviews.filter((r) => ReviewRecord.safeParse(r).success))
  time('check reviews quickly', () => reviews.filter(isReviewRecord))
  time('validateReviewsFile', () => parsed.forEach((p) => validateReviewsFile(p, () => undefined)))
  // Nothing of the above stays alive while the library opens.
  buffers.length = texts.length = parsed.length = reviews.length = 0
  for (let i = 0; i < runs; i++) {
    // On a shared machine the CPU time says more than the wall time; the longest event-loop
    // block says whether the window would have stalled meanwhile.
    const blocks = monitorEventLoopDelay({ resolution: 10 })
    blocks.enable()
    const cpu = process.cpuUsage()
    const start = performance.now()
    const library = await openLibrary(dir)
    const opened = performance.now() - start
    queryReviews(library, DEFAULT_VIEW, 0, 100)
    const firstPage = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    blocks.disable()
    console.log(
      `openLibrary ${opened.toFixed(0)} ms, first page ${firstPage.toFixed(0)} ms ` +
        `(${library.reviewCount} reviews; CPU ${((user + system) / 1000).toFixed(0)} ms, ` +
        `longest event-loop block ${(blocks.max / 1e6).toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)})`,
    )
    await library.close()
  }
  await stagedPhases(dir, runs)
}

/** The staged open's steps: the list cache read alone, then opens to rows and to all text. */
async function stagedPhases(dir: string, runs: number): Promise<void> {
  // A full staged open writes the cache when there is none (or it is stale).
  const first = await openLibrary(dir, { staged: true, listCacheDelayMs: 0 })
  await first.bodies()
  await listCacheWritten(first)
  await first.close()
  const stamp = await timeAsync('review files stamp', () => reviewFilesStamp(dir))
  const listed = await timeAsync('read list-cache.bin', () => readListCache(dir, stamp))
  if (!listed) console.log('(no usable list cache)')
  for (let i = 0; i < runs; i++) {
    const blocks = monitorEventLoopDelay({ resolution: 10 })
    blocks.enable()
    const cpu = process.cpuUsage()
    const start = performance.now()
    const library = await openLibrary(dir, { staged: true })
    const opened = performance.now() - start
    queryReviews(library, DEFAULT_VIEW, 0, 100)
    const firstPage = performance.now() - start
    const { user, system } = process.cpuUsage(cpu)
    const staged = !library.bodiesLoaded
    await library.bodies()
    const bodies = performance.now() - start
    blocks.disable()
    console.log(
      `staged open ${opened.toFixed(0)} ms, first page ${firstPage.toFixed(0)} ms (CPU ` +
        `${((user + system) / 1000).toFixed(0)} ms), all text ${bodies.toFixed(0)} ms ` +
        `(${staged ? 'from the list cache' : 'no list cache: full open'}; longest event-loop ` +
        `block ${(blocks.max / 1e6).toFixed(0)} ms; load ${loadavg()[0]!.toFixed(1)})`,
    )
    await library.close()
  }
}

main(process.argv[2]!, Number(process.argv[3] ?? 3)).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
