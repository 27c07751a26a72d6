import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { parentPort, workerData } from 'node:worker_threads'
import { docsStamp, indexDocs, type IndexedDoc } from './build-index'
import { writeIndexCache } from './index-cache'
import { reviewFilesStamp } from './review-files-stamp'

// The index cache built off the main thread (node:worker_threads): reads the library's review
// files itself, in the order the library lists its reviews (files by name, reviews in file order,
// a repeated id keeping its first place), builds the whole index and writes the cache file. The
// engine only trusts the result if its own stamp of the open reviews matches, so a file read
// here that differs from the open library's (a restore from backup, an import meanwhile) only
// costs the rebuild on the main thread.

export interface IndexWorkerData {
  dir: string
  file: string
}

interface StoredReviews {
  work?: { id?: string }
  reviews?: IndexedDoc[]
}

async function build({ dir, file }: IndexWorkerData): Promise<void> {
  // Stamped before reading: a file rewritten meanwhile makes the stamp stale, never the index.
  const filesStamp = await reviewFilesStamp(dir)
  const folder = join(dir, 'reviews')
  const names = filesStamp
    .split(',')
    .filter(Boolean)
    .map((part) => part.slice(0, part.indexOf(':')))
  const byWork = new Map<string, IndexedDoc[]>()
  for (const name of names) {
    const data = JSON.parse(await readFile(join(folder, name), 'utf8')) as StoredReviews
    if (data.work?.id) byWork.set(data.work.id, data.reviews ?? [])
  }
  const docs = new Map<string, IndexedDoc>()
  for (const reviews of byWork.values()) for (const r of reviews) docs.set(r.id, r)
  const list = [...docs.values()]
  const index = indexDocs(list)
  const snapshot = index.snapshot()
  if (!snapshot) throw new Error('index not sealed')
  await writeIndexCache(file, `${filesStamp}|${docsStamp(list)}`, snapshot)
}

build(workerData as IndexWorkerData).then(
  () => parentPort?.postMessage({ ok: true }),
  (e: unknown) => parentPort?.postMessage({ ok: false, error: String(e) }),
)
