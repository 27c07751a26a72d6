import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import { once } from 'node:events'
import { readFile, rm, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { setTimeout as sleep } from 'node:timers/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags, setMyRating } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { acquireLock, LOCK_FILE } from '../../../electron/domain/store/library-lock'
import { FIXTURE, tempDir } from '../support/temp-library'

const CHILD = fileURLToPath(new URL('../support/child-edit.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
/** The old lock counted as stale after this long without a refresh; tests wait past it. */
const STALE_MS = 200

let dir: string
let cleanup: () => Promise<void>
let id: string
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  const library = await openLibrary(dir)
  await importPaths(library, [FIXTURE])
  id = [...library.allReviews()][0]!.id
  await library.close()
})
afterEach(() => cleanup())

function startChild(tag: string): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--import', 'tsx', CHILD, dir, id, tag], { cwd: ROOT })
}

async function waitFor(child: ChildProcessWithoutNullStreams, word: string): Promise<void> {
  let out = ''
  while (!out.includes(word)) {
    const [chunk] = (await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(() => {
        throw new Error(`child exited before "${word}"`)
      }),
    ])) as [Buffer]
    out += chunk.toString()
  }
}

async function finish(
  child: ChildProcessWithoutNullStreams,
): Promise<{ code: number; err: string }> {
  let err = ''
  child.stderr.on('data', (d: Buffer) => (err += d.toString()))
  child.stdin.write('go\n')
  const [code] = (await once(child, 'exit')) as [number]
  return { code, err }
}

async function tagsOf(reviewId: string): Promise<string[]> {
  const library = await openLibrary(dir)
  try {
    return library.getCuration(reviewId).tags
  } finally {
    await library.close()
  }
}

describe('library lock', () => {
  it('never takes the lock from a paused owner; the paused edit is kept when it resumes', async () => {
    const child = startChild('from-paused')
    await waitFor(child, 'open')
    child.kill('SIGSTOP')
    try {
      await sleep(STALE_MS * 2)
      await expect(openLibrary(dir, { lock: { staleMs: STALE_MS } })).rejects.toThrow(
        /in use by another Review Curator window or command \(process \d+/,
      )
    } finally {
      child.kill('SIGCONT')
    }
    expect(await finish(child)).toMatchObject({ code: 0 })
    expect(await tagsOf(id)).toEqual(['from-paused'])
  })

  it('a paused writer whose lock was taken writes nothing and says why; the newer work stays', async () => {
    const child = startChild('from-paused')
    await waitFor(child, 'open')
    child.kill('SIGSTOP')
    try {
      // As if the lock had been judged stale by age: another process takes it and commits.
      await rm(join(dir, LOCK_FILE))
      const other = await openLibrary(dir)
      await addTags(other, [id], ['newer'])
      await other.close()
    } finally {
      child.kill('SIGCONT')
    }
    const { code, err } = await finish(child)
    expect(code).toBe(2)
    expect(err).toMatch(/^Nothing was saved: this process no longer holds the library lock/)
    expect(err).not.toMatch(/Lock is already released|at .*\.ts:\d+/)
    expect(await tagsOf(id)).toEqual(['newer'])
  })

  it('refuses to commit over a library.json another process committed, even holding a lock', async () => {
    const library = await openLibrary(dir)
    const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...json, generation: 99 }, null, 2))
    await expect(addTags(library, [id], ['stale'])).rejects.toThrow(
      /Nothing was saved: library.json was changed by another process \(generation 99/,
    )
    await library.close()
    expect(await tagsOf(id)).toEqual([])
  })

  it('refuses a curation edit too, appending nothing to the curation log', async () => {
    const library = await openLibrary(dir)
    await setMyRating(library, [id], 4) // creates the curation log
    const log = await readFile(join(dir, 'curation', 'log.bin'))
    const json = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    await writeFile(join(dir, 'library.json'), JSON.stringify({ ...json, generation: 99 }, null, 2))
    await expect(setMyRating(library, [id], 9)).rejects.toThrow(
      /Nothing was saved: library.json was changed by another process \(generation 99/,
    )
    expect(await readFile(join(dir, 'curation', 'log.bin'))).toEqual(log)
    await library.close()
  })

  it('takes over at once the lock of a process that no longer runs', async () => {
    const child = spawn(process.execPath, ['-e', ''])
    await once(child, 'exit')
    const dead = { pid: child.pid, host: hostname(), started: null, token: 'dead', acquiredAt: '' }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(dead))
    const lock = await acquireLock(dir, { staleMs: 60 * 60_000 })
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).pid).toBe(process.pid)
    await lock.release()
  })

  it('treats a live pid with another start time as a reused pid, not the owner', async () => {
    const reused = {
      pid: process.pid,
      host: hostname(),
      started: 'not-this-process',
      token: 'old',
      acquiredAt: '',
    }
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(reused))
    const live = { ...reused, token: 'live', started: null }
    const lock = await acquireLock(dir)
    await lock.release()
    await writeFile(join(dir, LOCK_FILE), JSON.stringify(live))
    await expect(acquireLock(dir)).rejects.toThrow(/in use/)
  })
})
