// Child process of the bench: opens one library with the real store and search engine and prints
// one JSON line of figures. Run alone: tsx test/bench/measure-engine.ts <libraryDir>

import type { Review } from '../../shared/domain'
import { openLibrary } from '../../electron/domain/library/open-library'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { listCacheWritten } from '../../electron/domain/library/list-cache-keeper'
import { INDEX_CACHE_FILE, searchEngine } from '../../electron/domain/search/engine-registry'
import { addTags, removeTags, setMyRating, setNote } from '../../electron/app/commands/curate'
import { queryReviews } from '../../electron/domain/queries/query-service'
import { gateOnBodies } from '../../electron/app/body-gate'
import { prng } from './generate'
import {
  BENCH_QUERIES,
  DEFAULT_VIEW,
  FIRST_TEXT_QUERY,
  percentile,
  round,
  rssSampler,
} from './queries'

/** Bytes V8 holds for the reviews' text: one per character, two when a string needs UTF-16. */
function textBytes(reviews: Iterable<Review>): number {
  let n = 0
  for (const r of reviews)
    for (const s of [r.title, r.author, r.body]) n += s.length * (/[\u0100-\uffff]/.test(s) ? 2 : 1)
  return n
}

const ROUNDS = 10
const EDITS = 60

async function main(dir: string): Promise<void> {
  const rss = rssSampler()
  const start = performance.now()
  // The app's path: a staged open (the list from list-cache.bin, the text read afterwards).
  const library = await openLibrary(dir, { staged: true })
  const loadedMs = performance.now() - start
  const staged = !library.bodiesLoaded
  let bodiesAt = 0
  const bodies = library.bodies().then(() => (bodiesAt = performance.now()))
  const engine = searchEngine(library)
  const firstPage = queryReviews(library, DEFAULT_VIEW, 0, 100)
  const openMs = performance.now() - start
  // A text query goes ahead when the app's gate (electron/app/body-gate.ts) lets it: once the
  // index answers it exactly without the text, or once the text is in.
  const gate = () =>
    gateOnBodies(
      library,
      'reviews:query',
      { query: FIRST_TEXT_QUERY },
      async () => 0,
      () => engine,
    )
  await gate()
  const firstText = queryReviews(library, FIRST_TEXT_QUERY, 0, 100)
  const firstTextQueryMs = performance.now() - start
  const indexedAtFirstText = engine.index.indexedUpTo
  await engine.ready()
  const indexReadyMs = performance.now() - start
  // The first answer that comes from the index, not from the fallback scan (which reads the text
  // of the reviews not indexed yet): every review indexed, and the gate passed.
  await gate()
  engine.clearCache()
  queryReviews(library, FIRST_TEXT_QUERY, 0, 100)
  const searchReadyMs = performance.now() - start
  if (!engine.indexed) throw new Error('exact search ready would count a scan')
  await bodies
  const bodiesMs = bodiesAt - start
  engine.clearCache()
  if (queryReviews(library, FIRST_TEXT_QUERY, 0, 100).total !== firstText.total)
    throw new Error('the first text answer differs from the one with the text in')
  const indexOrigin = engine.origin
  const indexLoadMs = engine.cacheLoadMs
  const indexFileMb = await stat(join(dir, INDEX_CACHE_FILE)).then(
    (s) => round(s.size / 1048576, 1),
    () => null,
  )

  const times: number[] = []
  const totals: number[] = []
  const slowest = new Map<string, number>()
  // One unmeasured round first: the steady state is what a user typing query after query sees.
  for (const query of BENCH_QUERIES) queryReviews(library, query, 0, 100)
  for (let round = 0; round < ROUNDS; round++) {
    for (const query of BENCH_QUERIES) {
      engine.clearCache() // a new query, as each keystroke is
      const t = performance.now()
      const page = queryReviews(library, query, 0, 100)
      const ms = performance.now() - t
      times.push(ms)
      const name = JSON.stringify(query)
      slowest.set(name, Math.max(ms, slowest.get(name) ?? 0))
      if (round === 0) totals.push(page.total)
    }
  }

  const ids = [...library.allReviews()].map((r) => r.id)
  const rand = prng(42)
  const pickId = () => ids[Math.floor(rand() * ids.length)]!
  const edits: number[] = []
  const stamp = Date.now()
  for (let i = 0; i < EDITS + 3; i++) {
    const id = pickId()
    const current = library.getCuration(id)
    const t = performance.now()
    // Every edit really changes something (the cached library keeps earlier runs' edits).
    const { changed } =
      i % 3 === 0
        ? await setMyRating(library, [id], ((current.myRating ?? 0) % 10) + 1)
        : i % 3 === 1
          ? current.tags.includes('bench-edit')
            ? await removeTags(library, [id], ['bench-edit'])
            : await addTags(library, [id], ['bench-edit'])
          : { changed: (await setNote(library, id, `bench note ${stamp} ${i}`)) ? 1 : 0 }
    if (changed !== 1) throw new Error(`bench edit ${i} changed nothing`)
    // The first edits of a session also take the day's backup; they are not the steady state.
    if (i >= 3) edits.push(performance.now() - t)
  }
  const worst = [...slowest].sort((a, b) => b[1] - a[1]).slice(0, 3)
  console.error(`slowest queries: ${worst.map(([q, ms]) => `${q} ${ms.toFixed(1)} ms`).join('; ')}`)
  const stats = engine.index.stats()
  await engine.cacheWritten()
  // An open that read every file writes the list cache for the next one.
  await listCacheWritten(library)
  rss.stop()
  const mem = process.memoryUsage()
  const out = {
    reviews: library.reviewCount,
    openMs: round(openMs, 1),
    loadMs: round(loadedMs, 1),
    staged,
    bodiesMs: round(bodiesMs, 1),
    firstPageRows: firstPage.rows.length,
    firstTextQueryMs: round(firstTextQueryMs, 1),
    firstTextTotal: firstText.total,
    indexedAtFirstText,
    indexReadyMs: round(indexReadyMs, 1),
    searchReadyMs: round(searchReadyMs, 1),
    indexOrigin,
    indexLoadMs: indexLoadMs === null ? null : round(indexLoadMs, 1),
    indexFileMb,
    queryP50Ms: round(percentile(times, 50)),
    queryP95Ms: round(percentile(times, 95)),
    queryMaxMs: round(Math.max(...times)),
    queryTotals: totals,
    editP50Ms: round(percentile(edits, 50)),
    editP95Ms: round(percentile(edits, 95)),
    rssMb: round(rss.peakMb(), 0),
    rssEndMb: round(mem.rss / 1048576, 0),
    heapUsedMb: round(mem.heapUsed / 1048576, 0),
    index: {
      terms: stats.terms,
      postings: stats.postings,
      segments: stats.segments,
      mb: round(stats.bytes / 1048576, 1),
    },
    memory: {
      indexMb: round(stats.bytes / 1048576, 1),
      indexPartsMb: Object.fromEntries(
        Object.entries(stats.parts).map(([part, bytes]) => [part, round(bytes / 1048576, 1)]),
      ),
      listColumnsMb: round(engine.cols.bytes / 1048576, 1),
      reviewTextMb: round(textBytes(library.allReviews()) / 1048576, 1),
      heapUsedMb: round(mem.heapUsed / 1048576, 0),
      externalMb: round(mem.external / 1048576, 0),
    },
  }
  await library.close()
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

main(process.argv[2]!).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
