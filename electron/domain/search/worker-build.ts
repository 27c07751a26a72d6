import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { Worker } from 'node:worker_threads'
import type { IndexWorkerData } from './index-worker'

// Starts index-worker in a worker thread: the bundled index-worker.js beside the app's main
// bundle (or one folder up, from a shared chunk), else the TypeScript source through tsx (tests,
// the bench). Null when neither is there: the engine then builds on the main thread, in slices.

function workerEntry(): { code: string; eval: boolean } | null {
  const here = dirname(fileURLToPath(import.meta.url))
  for (const folder of [here, join(here, '..')]) {
    const js = join(folder, 'index-worker.js')
    if (existsSync(js)) return { code: js, eval: false }
  }
  const ts = join(here, 'index-worker.ts')
  if (!existsSync(ts)) return null
  // A worker does not inherit tsx's loader: register it, then load the source.
  // tsx's ESM entry, found through its CommonJS one (import.meta.resolve is not everywhere).
  const cjs = createRequire(import.meta.url).resolve('tsx/esm/api')
  const tsx = pathToFileURL(cjs.replace(/\.cjs$/, '.mjs')).href
  const url = pathToFileURL(ts).href
  const code = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(url)}) })`
  return { code, eval: true }
}

/** Builds the index cache of the library in `dir` into `file` in a worker; false if it could not. */
export function buildIndexInWorker(dir: string, file: string): Promise<boolean> | null {
  const entry = workerEntry()
  if (!entry) return null
  return new Promise((resolve) => {
    const data: IndexWorkerData = { dir, file }
    const worker = new Worker(entry.code, { workerData: data, eval: entry.eval })
    // Derived data: a command that finishes first need not wait for it (the file is only
    // renamed into place once complete, so an exit mid-way leaves no damaged cache).
    worker.unref()
    let ok = false
    worker.once('message', (m: { ok: boolean }) => (ok = m.ok))
    worker.once('error', () => resolve(false))
    worker.once('exit', () => resolve(ok))
  })
}
