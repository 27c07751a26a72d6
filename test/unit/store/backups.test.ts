import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { nodeFs, type DurableFs } from '../../../electron/domain/store/durable-write'
import { FIXTURE, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const day = (n: number) => () => new Date(`2026-01-0${n}T12:00:00Z`)

/** Opens the library on day `n`, tags the review, closes it: day 2 on takes a backup first. */
async function tagOnDay(n: number, id: string, tag: string): Promise<void> {
  const library = await openLibrary(dir, { now: day(n) })
  await addTags(library, [id], [tag])
  await library.close()
}

async function firstReview(): Promise<string> {
  const library = await openLibrary(dir, { now: day(1) })
  await importPaths(library, [FIXTURE])
  const id = [...library.allReviews()][0]!.id
  await library.close()
  return id
}

describe('backups', () => {
  it('skips a damaged newest backup and restores from an older one that reads', async () => {
    const id = await firstReview()
    await tagOnDay(2, id, 'day2') // backup of day 1
    await tagOnDay(3, id, 'day3') // backup of day 2
    const snapshots = (await readdir(join(dir, 'backups'))).sort()
    expect(snapshots).toHaveLength(2)
    // The newest backup's library.json is empty, as a crash during an old-style copy left it.
    await writeFile(join(dir, 'backups', snapshots[1]!, 'library.json'), '')
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 1, "imp')

    const library = await openLibrary(dir, { now: day(4) })
    expect(library.imports).toHaveLength(1)
    expect(library.notices.join('\n')).toMatch(
      new RegExp(`restored from the backup .*${snapshots[0]}.*skipping 1 damaged backup`),
    )
    await library.close()
  })

  it('restores a damaged review file from the backup, so no review is lost', async () => {
    const id = await firstReview()
    await tagOnDay(2, id, 'day2')
    const [name] = await readdir(join(dir, 'reviews'))
    await writeFile(join(dir, 'reviews', name!), '{"schemaVersion":1,"work":{"id":"x","tit')
    const library = await openLibrary(dir, { now: day(3) })
    expect(library.reviewCount).toBe(25)
    expect(library.notices.join('\n')).toMatch(/damaged.*restored from the backup/s)
    await library.close()
  })

  it('a backup that fails leaves nothing behind and is taken at the next commit', async () => {
    const id = await firstReview()
    let fail = true
    const fs: DurableFs = {
      ...nodeFs,
      rename: (from, to) =>
        fail && from.endsWith('.partial')
          ? Promise.reject(Object.assign(new Error('no space left'), { code: 'ENOSPC' }))
          : nodeFs.rename(from, to),
    }
    const library = await openLibrary(dir, { now: day(2), fs })
    await addTags(library, [id], ['one'])
    expect(await readdir(join(dir, 'backups'))).toEqual([])
    fail = false
    await addTags(library, [id], ['two'])
    const [snapshot, ...more] = await readdir(join(dir, 'backups'))
    expect(more).toEqual([])
    const backedUp = JSON.parse(
      await readFile(join(dir, 'backups', snapshot!, 'library.json'), 'utf8'),
    )
    expect(backedUp.imports).toHaveLength(1)
    expect(await readdir(join(dir, 'backups', snapshot!, 'reviews'))).toHaveLength(1)
    await library.close()
  })

  it('removes a partial snapshot a crash left and does not count it', async () => {
    const id = await firstReview()
    await mkdir(join(dir, 'backups', '2026-01-02T00-00-00-000Z.partial'), { recursive: true })
    await tagOnDay(2, id, 'day2')
    const names = await readdir(join(dir, 'backups'))
    expect(names).toHaveLength(1)
    expect(names[0]).not.toMatch(/partial/)
  })
})
