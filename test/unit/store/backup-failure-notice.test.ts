import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventName } from '../../../shared/contract'
import { createApp } from '../../../electron/app/create-app'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { nodeFs, type DurableFs } from '../../../electron/domain/store/durable-write'
import { FIXTURE, tempDir } from '../support/temp-library'
import { runCliCaptured } from '../support/run-cli'

// A backup that fails is retried at the next change, and the user is told each time it fails:
// the library keeps working, but until a backup succeeds nothing holds a copy of today's work.

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const day = (n: number) => () => new Date(`2026-01-0${n}T12:00:00Z`)

async function firstReview(): Promise<string> {
  const library = await openLibrary(dir, { now: day(1) })
  await importPaths(library, [FIXTURE])
  const id = [...library.allReviews()][0]!.id
  await library.close()
  return id
}

const diskFull = () => Object.assign(new Error('no space left on device'), { code: 'ENOSPC' })

describe('a failed backup is told to the user', () => {
  it('says the backup failed, then that it failed again, and nothing once it succeeds', async () => {
    const id = await firstReview()
    let fail = true
    const fs: DurableFs = {
      ...nodeFs,
      rename: (from, to) =>
        fail && from.endsWith('.partial') ? Promise.reject(diskFull()) : nodeFs.rename(from, to),
    }
    const library = await openLibrary(dir, { now: day(2), fs })
    const told: string[] = []
    library.onNotice((m) => told.push(m))

    await addTags(library, [id], ['one'])
    expect(told).toHaveLength(1)
    expect(told[0]).toContain(`The backup in ${join(dir, 'backups')} failed: the disk is full`)
    expect(told[0]).toMatch(/no space left on device.*tried again at the next change/)
    expect(library.getCuration(id).tags).toEqual(['one']) // the change itself was saved

    await addTags(library, [id], ['two'])
    expect(told).toHaveLength(2)
    expect(told[1]).toMatch(/failed again: the disk is full/)

    fail = false
    await addTags(library, [id], ['three'])
    expect(told).toHaveLength(2)
    expect(await readdir(join(dir, 'backups'))).toHaveLength(1)
    await library.close()
  })

  it('the CLI prints it on stderr and still makes the change', async () => {
    const id = await firstReview()
    // A file where the backups folder belongs: the snapshot cannot be made.
    await writeFile(join(dir, 'backups'), 'in the way')
    const run = await runCliCaptured(['tag', id, 'cli-tag', '--library', dir], dir)
    expect(run.code).toBe(0)
    expect(run.out).toBe(`changed: ${id}\n`)
    expect(run.err).toMatch(
      new RegExp(`^review-curator: The backup in ${join(dir, 'backups')} failed: .*ENOTDIR`),
    )
    await rm(join(dir, 'backups'))
    const clean = await runCliCaptured(['tag', id, 'cli-two', '--library', dir], dir)
    expect(clean.err).toBe('')
  })

  it('the app sends it to the window as library:notice', async () => {
    const id = await firstReview()
    await writeFile(join(dir, 'backups'), 'in the way')
    const library = await openLibrary(dir)
    const sent: { event: EventName; payload: unknown }[] = []
    const app = createApp({
      library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: (event, payload) => void sent.push({ event, payload }),
    })
    const result = await app.dispatch('curation:tag', { ids: [id], tags: ['app-tag'] })
    expect(result.ok).toBe(true)
    const notices = sent.filter((s) => s.event === 'library:notice')
    expect(notices).toEqual([
      {
        event: 'library:notice',
        payload: {
          message: expect.stringContaining(`The backup in ${join(dir, 'backups')} failed`),
        },
      },
    ])
    await library.close()
  })
})
