// Child process of the bench: select all + tag and its undo, through the same door as the window
// (createApp's dispatch: validate, run the command, commit, record history, build the change
// event), with the search engine following the library as it does in the app. Works on a copy of
// the cached library (the review files hard-linked: every write replaces a file by rename, so the
// cache is never touched). Prints one JSON line. Run alone: tsx test/bench/measure-bulk.ts <dir>

import { cp, link, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createApp } from '../../electron/app/create-app'
import { openLibrary } from '../../electron/domain/library/open-library'
import { searchEngine } from '../../electron/domain/search/engine-registry'
import { round } from './queries'

const ROUNDS = 3

/** A writable copy of `dir`: small files copied, the large review files hard-linked. */
async function copyLibrary(dir: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rc-bench-bulk-'))
  const copy = join(root, 'library')
  await cp(dir, copy, { recursive: true, filter: (src) => !src.startsWith(join(dir, 'reviews')) })
  await mkdir(join(copy, 'reviews'), { recursive: true })
  for (const name of await readdir(join(dir, 'reviews')))
    await link(join(dir, 'reviews', name), join(copy, 'reviews', name))
  return copy
}

async function main(source: string): Promise<void> {
  const dir = await copyLibrary(source)
  try {
    const library = await openLibrary(dir)
    const engine = searchEngine(library)
    // A stale index cache is rebuilt by a worker, which does not keep the process alive.
    const alive = setInterval(() => undefined, 1000)
    await engine.ready()
    clearInterval(alive)
    const app = createApp({
      library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: () => undefined,
    })
    const ids = [...library.allReviews()].map((r) => r.id)
    // CPU time beside wall time: on the shared machine the wall time mostly measures the load.
    const cpu: Record<string, number[]> = { 'curation:tag': [], 'history:undo': [] }
    const call = async (channel: string, request: unknown) => {
      const t = performance.now()
      const c = process.cpuUsage()
      const result = await app.dispatch(channel, request)
      if (!result.ok) throw new Error(`${channel}: ${JSON.stringify(result)}`)
      const used = process.cpuUsage(c)
      cpu[channel]?.push((used.user + used.system) / 1000)
      return performance.now() - t
    }
    // The first commit of a session takes the day's backup: not what a bulk edit costs.
    await call('curation:rate', { ids: [ids[0]], rating: 3 })
    const tag: number[] = []
    const undo: number[] = []
    for (let i = 0; i < ROUNDS; i++) {
      tag.push(await call('curation:tag', { ids, tags: [`bench-bulk-${i}`] }))
      const tagged = ids.filter((id) => library.getCuration(id).tags.includes(`bench-bulk-${i}`))
      if (tagged.length !== ids.length) throw new Error(`tagged ${tagged.length} of ${ids.length}`)
      undo.push(await call('history:undo', {}))
      if (library.getCuration(ids[1]!).tags.includes(`bench-bulk-${i}`))
        throw new Error('undo left the tag')
    }
    await library.close()
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
    process.stdout.write(
      `${JSON.stringify({
        reviews: ids.length,
        bulkTagMs: round(median(tag), 0),
        bulkUndoMs: round(median(undo), 0),
        bulkTagCpuMs: round(median(cpu['curation:tag']!), 0),
        bulkUndoCpuMs: round(median(cpu['history:undo']!), 0),
        bulkTagRunsMs: tag.map((ms) => round(ms, 0)),
        bulkUndoRunsMs: undo.map((ms) => round(ms, 0)),
      })}\n`,
    )
  } finally {
    await rm(join(dir, '..'), { recursive: true, force: true })
  }
}

main(process.argv[2]!).catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
