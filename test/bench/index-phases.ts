// Times the search index on its own, so a change to it can be measured without the whole bench:
// reading search-index.bin (read, parse and check, restore), its memory per structure, then the
// bench's query set (slowest first). The library must have a current cache file (one bench run
// or one open writes it). Run: tsx test/bench/index-phases.ts <libraryDir> [rounds]

import { readFile } from 'node:fs/promises'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { openLibrary } from '../../electron/domain/library/open-library'
import { INDEX_CACHE_FILE, searchEngine } from '../../electron/domain/search/engine-registry'
import { readIndexCache } from '../../electron/domain/search/index-cache'
import { TextIndex } from '../../electron/domain/search/text-index'
import { queryReviews } from '../../electron/domain/queries/query-service'
import { BENCH_QUERIES, percentile } from './queries'

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`

async function main(dir: string, rounds: number): Promise<void> {
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
  const library = await openLibrary(dir)
  const engine = searchEngine(library)
  // The index worker does not keep the process alive (it is unref'd): this does, until ready.
  const alive = setInterval(() => {}, 1000)
  await engine.ready()
  clearInterval(alive)
  console.log(`index origin: ${engine.origin}`)

  const file = join(dir, INDEX_CACHE_FILE)
  let t = performance.now()
  const lap = (label: string) => {
    const now = performance.now()
    console.log(`${label.padEnd(24)} ${(now - t).toFixed(0).padStart(6)} ms`)
    t = now
  }
  const bytes = await readFile(file)
  lap(`read (${mb(bytes.length)})`)
  const stamp = (
    JSON.parse(bytes.subarray(16, 16 + bytes.readUInt32LE(8)).toString()) as {
      stamp: string
    }
  ).stamp
  const snapshot = await readIndexCache(file, stamp, Promise.resolve({ bytes, sumsChecked: false }))
  lap('parse and check')
  if (!snapshot) throw new Error('the cache file did not read back')
  const restored = TextIndex.restore(snapshot)
  lap('restore')

  const stats = restored.stats()
  console.log(`index ${mb(stats.bytes)}: ${stats.terms} terms, ${stats.postings} postings`)
  for (const [part, n] of Object.entries(stats.parts)) console.log(`  ${part.padEnd(16)} ${mb(n)}`)

  for (const query of BENCH_QUERIES) queryReviews(library, query, 0, 100)
  const times: number[] = []
  // CPU time as well: on a machine shared with other work it moves less than the wall time.
  const cpu: number[] = []
  const per = new Map<string, number[]>()
  for (let r = 0; r < rounds; r++) {
    for (const query of BENCH_QUERIES) {
      engine.clearCache()
      const start = performance.now()
      const used = process.cpuUsage()
      queryReviews(library, query, 0, 100)
      const ms = performance.now() - start
      const { user, system } = process.cpuUsage(used)
      times.push(ms)
      cpu.push((user + system) / 1000)
      const key = JSON.stringify(query)
      per.set(key, [...(per.get(key) ?? []), ms])
    }
  }
  const p = (values: number[], q: number) => percentile(values, q).toFixed(2)
  console.log(
    `query p50 ${p(times, 50)} ms, p95 ${p(times, 95)} ms (CPU p50 ${p(cpu, 50)}, p95 ${p(cpu, 95)} ms)`,
  )
  const slowest = [...per].sort((a, b) => percentile(b[1], 50) - percentile(a[1], 50))
  for (const [key, ms] of slowest.slice(0, 8))
    console.log(
      `  median ${percentile(ms, 50).toFixed(1).padStart(6)} ms  max ${Math.max(...ms)
        .toFixed(1)
        .padStart(6)} ms  ${key}`,
    )
  console.log(
    `load average ${loadavg()
      .map((n) => n.toFixed(2))
      .join(' ')}`,
  )
  await library.close()
}

main(process.argv[2]!, Number(process.argv[3] ?? 5)).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
