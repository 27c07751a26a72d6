import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryCheck } from '../../../shared/contract'
import { createApp } from '../../../electron/app/create-app'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { curationBucket, type Library } from '../../../electron/domain/library/library'
import { checkupLibrary } from '../../../electron/domain/library/library-checkup'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { FIXTURE, tempDir } from '../support/temp-library'

// Check Library (the app's Help menu, over library:check) and doctor: every file is read back
// from disk; one damaged since the library was opened is set aside and written again from the
// open library's copy.

let dir: string
let cleanup: () => Promise<void>
let library: Library
let ids: string[]
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  library = await openLibrary(dir)
  await importPaths(library, [FIXTURE])
  ids = [...library.allReviews()].map((r) => r.id)
  await addTags(library, [ids[0]!], ['keeper'])
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

const entry = (check: LibraryCheck, subject: string) =>
  check.entries.find((e) => e.subject === subject)

describe('Check Library', () => {
  it('lists every file of a healthy library as OK, and leaves the curation log folded', async () => {
    const bucket = `curation/${curationBucket(ids[0]!)}.json`
    // The tag is in the curation log; the check folds it into its shard.
    expect((await readFile(join(dir, 'curation', 'log.bin'))).byteLength).toBeGreaterThan(8)
    await checkupLibrary(library, new Date())
    expect((await readFile(join(dir, 'curation', 'log.bin'))).byteLength).toBe(8)
    expect(JSON.parse(await readFile(join(dir, bucket), 'utf8')).items[ids[0]!].tags).toEqual([
      'keeper',
    ])
    const check = await checkupLibrary(library, new Date())
    const [reviewFile] = await readdir(join(dir, 'reviews'))
    for (const subject of ['library.json', bucket, `reviews/${reviewFile}`, 'curation/log.bin'])
      expect(entry(check, subject)).toEqual({ subject, level: 'ok', message: 'reads and is valid' })
    expect(check.problems).toBe(0)
  })

  it('puts back a file damaged since open from the open copy, keeping the damaged one', async () => {
    const bucket = `curation/${curationBucket(ids[0]!)}.json`
    const [reviewFile] = await readdir(join(dir, 'reviews'))
    await writeFile(join(dir, bucket), '{"schemaVersion": 1, "ite')
    await writeFile(join(dir, 'reviews', reviewFile!), '')

    const check = await checkupLibrary(library, new Date('2026-05-01T00:00:00Z'))
    expect(entry(check, bucket)).toMatchObject({
      level: 'repaired',
      message: expect.stringMatching(
        /is damaged: not valid JSON.*kept as .*damaged-2026-05-01.*written again from the open library's copy/,
      ),
    })
    expect(entry(check, `reviews/${reviewFile}`)?.level).toBe('repaired')
    expect(check.problems).toBe(0)
    expect(await readFile(join(dir, `${bucket}.damaged-2026-05-01T00-00-00-000Z`), 'utf8')).toBe(
      '{"schemaVersion": 1, "ite',
    )

    await library.close()
    library = await openLibrary(dir)
    expect(library.notices).toEqual([])
    expect(library.getCuration(ids[0]!).tags).toEqual(['keeper'])
    expect(library.reviewCount).toBe(25)
  })

  it('reports a wrong-typed record as a problem and leaves it for quarantine on the next open', async () => {
    const bucket = `curation/${curationBucket(ids[0]!)}.json`
    await library.foldCurationLog() // the tag, from the curation log into its shard
    const data = JSON.parse(await readFile(join(dir, bucket), 'utf8'))
    data.items[ids[0]!].tags = [null]
    await writeFile(join(dir, bucket), JSON.stringify(data))
    const check = await checkupLibrary(library, new Date())
    expect(entry(check, bucket)).toMatchObject({
      level: 'problem',
      message: expect.stringMatching(/1 record\(s\) of the wrong shape \(items\.rv_\w+: .*tags/),
    })
    expect(check.problems).toBe(1)
    expect(JSON.parse(await readFile(join(dir, bucket), 'utf8')).items[ids[0]!].tags).toEqual([
      null,
    ])
  })

  it('puts nothing back once another process has taken the lock', async () => {
    const lock = JSON.parse(await readFile(join(dir, '.lock'), 'utf8'))
    await writeFile(join(dir, '.lock'), JSON.stringify({ ...lock, token: 'someone-else' }))
    await writeFile(join(dir, 'library.json'), 'not json')
    const check = await checkupLibrary(library, new Date())
    expect(entry(check, 'library.json')).toMatchObject({
      level: 'problem',
      message: expect.stringMatching(/could not be written again \(Nothing was saved: /),
    })
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe('not json')
    // The tag is still only in the log: it could not be folded, and the check says so.
    expect(entry(check, 'curation/log.bin')).toMatchObject({
      level: 'problem',
      message: expect.stringMatching(
        /^reads; its edits could not be written into the curation files/,
      ),
    })
    await writeFile(join(dir, '.lock'), JSON.stringify(lock))
  })

  it('reports a curation log damaged since open, and folds every edit the open library holds', async () => {
    await addTags(library, [ids[1]!], ['second'])
    const log = join(dir, 'curation', 'log.bin')
    const bytes = await readFile(log)
    // A byte inside the first record's payload (header 8 bytes, frame 8): the second record
    // follows, so this is damage, not a torn tail.
    bytes[8 + 8 + 3]! ^= 0xff
    await writeFile(log, bytes)

    const check = await checkupLibrary(library, new Date())
    expect(entry(check, 'curation/log.bin')).toMatchObject({
      level: 'repaired',
      message: expect.stringMatching(
        /^record 1 \(byte 8\) is damaged: its checksum does not match\. The open library holds every edit/,
      ),
    })
    expect(check.problems).toBe(0)
    expect((await readFile(log)).byteLength).toBe(8)

    await library.close()
    library = await openLibrary(dir)
    expect(library.notices).toEqual([])
    expect(library.getCuration(ids[0]!).tags).toEqual(['keeper'])
    expect(library.getCuration(ids[1]!).tags).toEqual(['second'])
  })

  it('writes library.json again when it was deleted while open', async () => {
    await rm(join(dir, 'library.json'))
    const check = await checkupLibrary(library, new Date())
    expect(entry(check, 'library.json')).toMatchObject({
      level: 'repaired',
      message: expect.stringMatching(/^missing/),
    })
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).imports).toHaveLength(1)
  })

  it('answers library:check in the app', async () => {
    await writeFile(join(dir, 'library.json'), 'not json')
    const app = createApp({
      library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: () => undefined,
    })
    const result = await app.dispatch('library:check', {})
    expect(result.ok).toBe(true)
    const check = (result as { value: LibraryCheck }).value
    expect(entry(check, 'library.json')?.level).toBe('repaired')
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).tags).toHaveLength(1)
  })
})
