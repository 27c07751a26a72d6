import { cp, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTags, setMyRating } from '../../../electron/app/commands/curate'
import { curationBucket } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import { IncompleteCommitError } from '../../../electron/domain/store/transaction'
import { nodeFs, type DurableFs } from '../../../electron/domain/store/durable-write'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

// What a curation edit costs on disk, and that a bulk edit over many shards stays all or nothing
// whichever call of the commit fails or is the last before a crash.

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir: root, cleanup } = await tempDir()))
afterEach(() => cleanup())

/** Hands every call to whichever fs `use` set last, so a test can swap it after open. */
function switchableFs(): { fs: DurableFs; use: (fs: DurableFs) => void } {
  let current = nodeFs
  return {
    fs: {
      open: (path, flags) => current.open(path, flags),
      rename: (from, to) => current.rename(from, to),
      rm: (path, options) => current.rm(path, options),
      readdir: (path) => current.readdir(path),
    },
    use: (fs) => (current = fs),
  }
}

/** node's fs, logging every call as "<call> <path relative to the library>". */
function recordingFs(dir: string, log: string[]): DurableFs {
  const name = (path: string) =>
    (path === dir ? '<dir>' : path.slice(dir.length + 1)).replace(/\.[^/]+\.rc-tmp$/, '<temp>')
  return {
    ...nodeFs,
    open: async (path, flags) => {
      const handle = await nodeFs.open(path, flags)
      return {
        write: (data) => (log.push(`write ${name(path)}`), handle.write(data)),
        sync: () => (log.push(`fsync ${name(path)}`), handle.sync()),
        close: () => handle.close(),
      }
    },
    rename: (from, to) => (log.push(`rename ${name(from)} ${name(to)}`), nodeFs.rename(from, to)),
    rm: (path, options) => (log.push(`rm ${name(path)}`), nodeFs.rm(path, options)),
  }
}

/**
 * node's fs whose `failAt`-th call fails as a full disk would; with `crash`, every later call
 * fails too, as if the process had been killed there.
 */
function failingFs(failAt: number, crash: boolean): { fs: DurableFs; calls: () => number } {
  let calls = 0
  const step = () => {
    if (++calls === failAt || (crash && calls > failAt))
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' })
  }
  const fs: DurableFs = {
    open: async (path, flags) => {
      step()
      const handle = await nodeFs.open(path, flags)
      return {
        write: async (data) => (step(), handle.write(data)),
        sync: async () => (step(), handle.sync()),
        close: () => handle.close(),
      }
    },
    rename: async (from, to) => (step(), nodeFs.rename(from, to)),
    rm: async (path, options) => (step(), nodeFs.rm(path, options)),
    readdir: (path) => nodeFs.readdir(path),
  }
  return { fs, calls: () => calls }
}

async function importedLibrary(dir: string, fs: DurableFs) {
  const library = await openLibrary(dir, { now: steppingClock(), fs })
  await importPaths(library, [FIXTURE])
  const ids = [...library.allReviews()].map((r) => r.id)
  return { library, ids }
}

describe('a curation edit on disk', () => {
  it('writes and syncs only its one shard and the curation folder; library.json is left alone', async () => {
    const dir = join(root, 'lib')
    const { fs, use } = switchableFs()
    const { library, ids } = await importedLibrary(dir, fs)
    const id = ids[0]!
    await setMyRating(library, [ids[1]!], 3) // the first edit also takes the day's backup
    const metaBefore = await readFile(join(dir, 'library.json'), 'utf8')
    const log: string[] = []
    use(recordingFs(dir, log))
    await setMyRating(library, [id], 7)
    await library.close()
    const shard = `curation/${curationBucket(id)}.json`
    expect(log).toEqual([
      `write curation/<temp>`,
      `fsync curation/<temp>`,
      `rename curation/<temp> ${shard}`,
      'fsync curation',
    ])
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(metaBefore)
    // Unindented: a select-all edit rewrites every shard.
    expect(await readFile(join(dir, shard), 'utf8')).not.toContain('\n')
    const reopened = await openLibrary(dir)
    expect(reopened.getCuration(id).myRating).toBe(7)
    await reopened.close()
  })
})

describe('a bulk edit over many shards is all or nothing', () => {
  for (const crash of [false, true]) {
    it(`whichever call of its commit ${crash ? 'is the last before a crash' : 'fails'}`, async () => {
      // Imported once; each round starts from a copy.
      const template = join(root, `template-${crash}`)
      const made = await importedLibrary(template, nodeFs)
      await made.library.close()
      // Five reviews in five shards: a journalled commit, with few enough calls to try each.
      const byBucket = new Map(made.ids.map((id) => [curationBucket(id), id]))
      const ids = [...byBucket.values()].slice(0, 5)
      const buckets = new Set(ids.map(curationBucket))
      let outcomes = 0
      for (let failAt = 1; ; failAt++) {
        const dir = join(root, `lib-${crash}-${failAt}`)
        await cp(template, dir, { recursive: true })
        const { fs, use } = switchableFs()
        const library = await openLibrary(dir, { now: steppingClock(), fs })
        await setMyRating(library, [ids[0]!], 3) // the day's backup, before the fault is armed
        const failing = failingFs(failAt, crash)
        use(failing.fs)
        const result = await addTags(library, ids, ['bulk']).then(
          () => 'saved' as const,
          (e: unknown) => (e instanceof IncompleteCommitError ? 'unfinished' : 'refused'),
        )
        use(nodeFs)
        await library.close()
        const reopened = await openLibrary(dir)
        const tagged = ids.filter((id) => reopened.getCuration(id).tags.includes('bulk')).length
        const rating = reopened.getCuration(ids[0]!).myRating
        await reopened.close()
        // Refused: nothing of it is on disk. Saved, or saved but unfinished: all of it, once the
        // reopen has finished the commit.
        expect({ failAt, tagged, rating }).toEqual({
          failAt,
          tagged: result === 'refused' ? 0 : ids.length,
          rating: 3,
        })
        outcomes++
        await rm(dir, { recursive: true, force: true })
        if (failing.calls() < failAt) break
      }
      // The edit spans several shards (so it is journalled) and every step was tried.
      expect(buckets.size).toBe(5)
      expect(outcomes).toBeGreaterThan(buckets.size * 3)
    }, 240_000)
  }
})
