import { cp, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTags, setKept, setMyRating } from '../../../electron/app/commands/curate'
import { curationBucket } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import { IncompleteCommitError } from '../../../electron/domain/store/transaction'
import { nodeFs, type DurableFs } from '../../../electron/domain/store/durable-write'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

// What a curation edit costs on disk (one record appended to the curation log), and that an edit
// and the fold of the log into the shards are all or nothing whichever call fails or is the last
// before a crash.

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
        datasync: () => (log.push(`fdatasync ${name(path)}`), handle.datasync!()),
        truncate: (length) => (log.push(`truncate ${name(path)}`), handle.truncate!(length)),
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
        datasync: async () => (step(), handle.datasync!()),
        truncate: async (length) => (step(), handle.truncate!(length)),
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

/** Five reviews in five shards: an edit of them spans buckets, and a fold rewrites five shards. */
const fiveBuckets = (ids: string[]) =>
  [...new Map(ids.map((id) => [curationBucket(id), id])).values()].slice(0, 5)

const LOG = 'curation/log.bin'

describe('a curation edit on disk', () => {
  it('appends one record to the log: one write and one fdatasync; no shard, no library.json', async () => {
    const dir = join(root, 'lib')
    const { fs, use } = switchableFs()
    const { library, ids } = await importedLibrary(dir, fs)
    const metaBefore = await readFile(join(dir, 'library.json'), 'utf8')
    const created: string[] = []
    use(recordingFs(dir, created))
    await setMyRating(library, [ids[1]!], 3) // the first edit also takes the day's backup
    // The log is created whole (temp file, rename) and its name made durable once.
    expect(created.slice(-6)).toEqual([
      `write curation/<temp>`,
      `fsync curation/<temp>`,
      `rename curation/<temp> ${LOG}`,
      'fsync curation',
      `write ${LOG}`,
      `fdatasync ${LOG}`,
    ])
    const shards = await snapshotShards(dir)
    const log: string[] = []
    use(recordingFs(dir, log))
    await setMyRating(library, [ids[0]!], 7)
    // A bulk edit over five shards is one record too.
    await setKept(library, fiveBuckets(ids), true)
    expect(log).toEqual([`write ${LOG}`, `fdatasync ${LOG}`, `write ${LOG}`, `fdatasync ${LOG}`])
    expect(await snapshotShards(dir)).toEqual(shards)
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(metaBefore)
    // A new tag on them: the record, then library.json with the tag.
    log.length = 0
    await addTags(library, fiveBuckets(ids), ['bulk'])
    expect(log).toEqual([
      `write ${LOG}`,
      `fdatasync ${LOG}`,
      'write <temp>',
      'fsync <temp>',
      'rename <temp> library.json',
      'fsync <dir>',
    ])
    expect(await snapshotShards(dir)).toEqual(shards)

    // Closing folds the log into the shards (journalled), and only then empties the log.
    const folded: string[] = []
    use(recordingFs(dir, folded))
    await library.close()
    const lastShardRename = folded.findLastIndex((c) =>
      /^rename curation\/<temp> curation\/\w\w\.json$/.test(c),
    )
    const logReset = folded.indexOf(`rename curation/<temp> ${LOG}`)
    const journalled = folded.indexOf('rename <temp> journal.json')
    expect(journalled).toBeGreaterThanOrEqual(0)
    expect(lastShardRename).toBeGreaterThan(journalled)
    expect(logReset).toBeGreaterThan(folded.indexOf('rm journal.json'))
    expect(logReset).toBeGreaterThan(lastShardRename)
    expect((await stat(join(dir, LOG))).size).toBe(8)
    const shard = `curation/${curationBucket(ids[0]!)}.json`
    // Unindented: a fold can rewrite every shard.
    expect(await readFile(join(dir, shard), 'utf8')).not.toContain('\n')
    expect(JSON.parse(await readFile(join(dir, shard), 'utf8')).items[ids[0]!].myRating).toBe(7)

    const reopened = await openLibrary(dir)
    expect(reopened.getCuration(ids[0]!).myRating).toBe(7)
    for (const id of fiveBuckets(ids))
      expect(reopened.getCuration(id)).toMatchObject({ tags: ['bulk'], kept: true })
    await reopened.close()
  })
})

/** The bytes of every curation shard, by name. */
async function snapshotShards(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  for (const name of await nodeFs.readdir(join(dir, 'curation')))
    if (name.endsWith('.json')) out.set(name, await readFile(join(dir, 'curation', name), 'utf8'))
  return out
}

type Outcome = 'saved' | 'refused' | 'unsure'
const outcomeOf = (p: Promise<unknown>): Promise<Outcome> =>
  p.then(
    () => 'saved' as const,
    (e: unknown) => (e instanceof IncompleteCommitError ? 'unsure' : 'refused'),
  )

describe('a bulk edit appended to the log is all or nothing', () => {
  // "keep": curation alone; "new tag": the record, then library.json with the tag; "undo of the
  // tag": the same, taking both back. The tag and its undo write grouped records (the untagged
  // reviews share one value, see the check below).
  for (const kind of ['keep', 'new tag', 'undo of the tag'] as const) {
    for (const crash of [false, true]) {
      it(`${kind}: whichever call ${crash ? 'is the last before a crash' : 'fails'}`, async () => {
        const template = join(root, `template-${kind}-${crash}`)
        const made = await importedLibrary(template, nodeFs)
        await made.library.close()
        const ids = fiveBuckets(made.ids)
        const seen = new Set<string>()
        for (let failAt = 1; ; failAt++) {
          const dir = join(root, `lib-${kind}-${crash}-${failAt}`)
          await cp(template, dir, { recursive: true })
          const { fs, use } = switchableFs()
          const library = await openLibrary(dir, { now: steppingClock(), fs })
          await setMyRating(library, [ids[0]!], 3) // the backup and the log's creation, unarmed
          if (kind === 'undo of the tag') {
            const before = (await stat(join(dir, LOG))).size
            await addTags(library, ids, ['bulk'])
            const record = (await readFile(join(dir, LOG))).subarray(before).toString('utf8')
            expect(record).toContain('"groups"')
          }
          const failing = failingFs(failAt, crash)
          use(failing.fs)
          const result = await outcomeOf(
            kind === 'keep'
              ? setKept(library, ids, true)
              : kind === 'new tag'
                ? addTags(library, ids, ['bulk'])
                : library.history.undo(),
          )
          use(nodeFs)
          // A later edit appends after whatever the failed one left in the log.
          if (result !== 'unsure') await setMyRating(library, [ids[1]!], 9)
          // Killed then: the close writes nothing (no fold), so reopening replays the log.
          use(failingFs(1, true).fs)
          await library.close()
          const reopened = await openLibrary(dir)
          const done = ids.filter((id) =>
            kind === 'keep'
              ? reopened.getCuration(id).kept
              : reopened.getCuration(id).tags.includes('bulk'),
          ).length
          const ratings = [ids[0]!, ids[1]!].map((id) => reopened.getCuration(id).myRating)
          const tagListed = reopened.tags.some((t) => t.name === 'bulk')
          await reopened.close()
          // Refused: nothing of it is on disk (a written record is cut back off). Saved: all of
          // it. Unsure (the cut failed too): all of it or none, never a part. A new tag is in
          // library.json exactly when the reviews carry it.
          const [after, before] = kind === 'undo of the tag' ? [0, 5] : [5, 0]
          const expected = result === 'saved' ? [after] : result === 'refused' ? [before] : [0, 5]
          expect({ failAt, result, done: expected.includes(done), tagListed, ratings }).toEqual({
            failAt,
            result,
            done: true,
            tagListed: kind !== 'keep' && done === 5,
            ratings: [3, result === 'unsure' ? null : 9],
          })
          seen.add(result)
          await rm(dir, { recursive: true, force: true })
          if (failing.calls() < failAt) break
        }
        expect(seen.has('saved') && seen.has('refused')).toBe(true)
      }, 240_000)
    }
  }
})

describe('folding the log into the shards loses nothing', () => {
  it('whichever call of the fold is the last before a crash', async () => {
    const template = join(root, 'template-fold')
    const made = await importedLibrary(template, nodeFs)
    await made.library.close()
    const ids = fiveBuckets(made.ids)
    let folds = 0
    for (let failAt = 1; ; failAt++) {
      const dir = join(root, `fold-${failAt}`)
      await cp(template, dir, { recursive: true })
      const { fs, use } = switchableFs()
      const library = await openLibrary(dir, { now: steppingClock(), fs })
      await setMyRating(library, [ids[0]!], 3)
      await addTags(library, ids, ['bulk'])
      const failing = failingFs(failAt, true)
      use(failing.fs)
      const result = await outcomeOf(library.foldCurationLog())
      // Closed with the fault still armed: no write of the close lands, as after a kill.
      await library.close()
      const logSize = (await stat(join(dir, LOG))).size
      const reopened = await openLibrary(dir)
      const tagged = ids.filter((id) => reopened.getCuration(id).tags.includes('bulk')).length
      const rating = reopened.getCuration(ids[0]!).myRating
      await reopened.close()
      // Old or new files, the edits are all there: in the shards, or in the log replayed.
      expect({ failAt, tagged, rating }).toEqual({ failAt, tagged: 5, rating: 3 })
      await rm(dir, { recursive: true, force: true })
      if (failing.calls() < failAt) {
        // The last round ran the fold to its end: the log was emptied.
        expect({ result, logSize }).toEqual({ result: 'saved', logSize: 8 })
        break
      }
      folds++
    }
    // A journalled commit of five shards and the log's reset: every step was tried.
    expect(folds).toBeGreaterThan(15)
  }, 240_000)
})
