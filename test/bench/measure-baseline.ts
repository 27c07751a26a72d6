// Child process of the bench: the naive baseline on the same reviews (see baseline-scan.ts).
// Run alone: tsx test/bench/measure-baseline.ts <baseline.json> <edits>

import { Low } from 'lowdb'
import { JSONFile } from 'lowdb/node'
import { copyFile, rm } from 'node:fs/promises'
import { prng } from './generate'
import { baselineQuery, prepare } from './baseline-scan'
import type { BaselineData } from './make-library'
import {
  BENCH_QUERIES,
  DEFAULT_VIEW,
  FIRST_TEXT_QUERY,
  percentile,
  round,
  rssSampler,
} from './queries'

const ROUNDS = 2

async function main(source: string, editCount: number): Promise<void> {
  // Edits rewrite the file, so they work on a copy and the cached original stays as generated.
  const file = `${source}.work.json`
  await copyFile(source, file)
  const rss = rssSampler()
  const start = performance.now()
  const db = new Low<BaselineData>(new JSONFile<BaselineData>(file), {
    works: [],
    reviews: [],
    curation: {},
    tags: [],
  })
  await db.read()
  const docs = prepare(db.data)
  baselineQuery(docs, db.data, DEFAULT_VIEW, 100)
  const openMs = performance.now() - start
  const firstText = baselineQuery(docs, db.data, FIRST_TEXT_QUERY, 100)
  const firstTextQueryMs = performance.now() - start

  const times: number[] = []
  const totals: number[] = []
  for (const query of BENCH_QUERIES) baselineQuery(docs, db.data, query, 100)
  for (let r = 0; r < ROUNDS; r++) {
    for (const query of BENCH_QUERIES) {
      const t = performance.now()
      const { total } = baselineQuery(docs, db.data, query, 100)
      times.push(performance.now() - t)
      if (r === 0) totals.push(total)
    }
  }

  const rand = prng(42)
  const edits: number[] = []
  for (let i = 0; i < editCount; i++) {
    const review = db.data.reviews[Math.floor(rand() * db.data.reviews.length)]!
    const t = performance.now()
    const c = db.data.curation[review.id] ?? {
      tags: [],
      note: null,
      myRating: null,
      kept: false,
      reviewed: false,
      highlights: [],
      bylineCorrection: null,
      updatedAt: '',
    }
    db.data.curation[review.id] = {
      ...c,
      myRating: ((c.myRating ?? 0) % 10) + 1,
      updatedAt: new Date().toISOString(),
    }
    await db.write()
    edits.push(performance.now() - t)
  }
  rss.stop()
  await rm(file, { force: true })
  const out = {
    reviews: db.data.reviews.length,
    openMs: round(openMs, 1),
    firstTextQueryMs: round(firstTextQueryMs, 1),
    firstTextTotal: firstText.total,
    queryP50Ms: round(percentile(times, 50)),
    queryP95Ms: round(percentile(times, 95)),
    queryTotals: totals,
    editP50Ms: round(percentile(edits, 50)),
    editP95Ms: round(percentile(edits, 95)),
    rssMb: round(rss.peakMb(), 0),
  }
  process.stdout.write(`${JSON.stringify(out)}\n`)
}

main(process.argv[2]!, Number(process.argv[3] ?? 20)).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
