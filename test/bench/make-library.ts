// Builds the bench libraries through the real store (Library.saveWorkReviews / saveCuration), and
// the naive baseline's single lowdb file with the same content. Both are cached under the OS temp
// folder by size and seed: generating 100,000 reviews takes a while and never changes.

import { mkdir, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Curation, Review, Work } from '../../shared/domain'
import { emptyCuration } from '../../electron/domain/library/library'
import { openLibrary } from '../../electron/domain/library/open-library'
import { reviewId, workId } from '../../electron/domain/library/identity'
import { generateWorks, prng } from './generate'

export const BENCH_TAGS = [
  'acting',
  'spoiler',
  'theme/fatherhood',
  'theme/violence',
  'pull-quote',
  'music',
]
const FORMAT_VERSION = 3

export interface BenchLibrary {
  size: number
  dir: string
  baselineFile: string
}

/** The baseline's one file: everything the app stores, in one JSON document. */
export interface BaselineData {
  works: Work[]
  reviews: Review[]
  curation: Record<string, Curation>
  tags: string[]
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

export function benchRoot(): string {
  return join(tmpdir(), 'review-curator-bench')
}

/** Deterministic curation: ~6% of reviews tagged/rated/kept, some with notes and highlights. */
function curate(reviews: Review[], seed: number, now: string): Map<string, Curation> {
  const rand = prng(seed)
  const out = new Map<string, Curation>()
  for (const r of reviews) {
    if (rand() >= 0.06) continue
    const c = emptyCuration()
    c.tags = [BENCH_TAGS[Math.floor(rand() * BENCH_TAGS.length)]!]
    if (rand() < 0.3) c.tags.push(BENCH_TAGS[Math.floor(rand() * BENCH_TAGS.length)]!)
    c.tags = [...new Set(c.tags)]
    c.myRating = rand() < 0.7 ? 1 + Math.floor(rand() * 10) : null
    c.kept = rand() < 0.2
    if (rand() < 0.25)
      c.note = `Cinema note ${Math.floor(rand() * 1000)}: compare with the zeitgeist essay.`
    if (rand() < 0.05) {
      c.highlights = [
        {
          id: `hl_${r.id}`,
          start: 0,
          end: 20,
          quote: r.body.slice(0, 20),
          tag: null,
          comment: null,
          createdAt: now,
        },
      ]
    }
    c.updatedAt = now
    out.set(r.id, c)
  }
  return out
}

export async function ensureLibrary(
  size: number,
  seed = 20260101,
  log = (_: string) => {},
): Promise<BenchLibrary> {
  const root = join(benchRoot(), `v${FORMAT_VERSION}-${size}-${seed}`)
  const dir = join(root, 'library')
  const baselineFile = join(root, 'baseline.json')
  const ready = join(root, 'READY')
  if (await exists(ready)) return { size, dir, baselineFile }
  log(`generating a library of ${size} reviews in ${root} (cached for later runs)`)
  await mkdir(root, { recursive: true })
  const now = new Date(Date.UTC(2026, 0, 1))
  const library = await openLibrary(dir, { now: () => now })
  const data: BaselineData = { works: [], reviews: [], curation: {}, tags: BENCH_TAGS }
  try {
    for (const { work: ref, reviews: parsed } of generateWorks(size, seed)) {
      const work: Work = { id: workId(ref), ...ref }
      const reviews: Review[] = parsed.map(({ line: _line, ...p }) => ({
        id: reviewId(work.id, p.bylineRaw, p.title),
        workId: work.id,
        ...p,
        importId: 'im_bench',
        importedAt: now.toISOString(),
      }))
      await library.saveWorkReviews(work, reviews)
      data.works.push(work)
      data.reviews.push(...reviews)
    }
    const curation = curate(data.reviews, seed + 7, now.toISOString())
    await library.saveCuration(curation)
    data.curation = Object.fromEntries(curation)
    await library.saveMeta((meta) => {
      meta.tags = BENCH_TAGS.map((name, i) => ({
        name,
        color: ['#d1495b', '#edae49', '#00798c', '#30638e', '#66a182', '#8d5a97'][i]!,
      }))
    })
  } finally {
    await library.close()
  }
  await writeFile(baselineFile, JSON.stringify(data))
  await writeFile(ready, new Date().toISOString())
  return { size, dir, baselineFile }
}
