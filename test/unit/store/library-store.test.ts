import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { SCHEMA_VERSION } from '../../../electron/domain/store/schema'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

describe('library store', () => {
  it('creates a versioned library.json and keeps review text and curation in separate files', async () => {
    const library = await openLibrary(dir, { now: steppingClock() })
    await importPaths(library, [FIXTURE])
    const id = [...library.allReviews()][0]!.id
    await addTags(library, [id], ['zz-curation-marker'])
    await library.close()

    const meta = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    expect(meta.schemaVersion).toBe(SCHEMA_VERSION)
    expect(meta.imports).toHaveLength(1)
    const reviewFiles = await readdir(join(dir, 'reviews'))
    expect(reviewFiles).toHaveLength(1)
    const reviews = JSON.parse(await readFile(join(dir, 'reviews', reviewFiles[0]!), 'utf8'))
    expect(reviews.schemaVersion).toBe(SCHEMA_VERSION)
    expect(reviews.reviews).toHaveLength(25)
    expect(JSON.stringify(reviews)).not.toContain('zz-curation-marker')
    const curationFiles = await readdir(join(dir, 'curation'))
    expect(curationFiles).toEqual([`${id.slice(3, 5)}.json`, 'log.bin'])
  })

  it('reopens with every review and curation field intact', async () => {
    const first = await openLibrary(dir, { now: steppingClock() })
    await importPaths(first, [FIXTURE])
    const id = [...first.allReviews()][3]!.id
    await addTags(first, [id], ['pull-quote', 'acting'])
    await setMyRating(first, [id], 3)
    await setNote(first, id, 'Great line about concrete.')
    await first.close()

    const second = await openLibrary(dir)
    expect(second.reviewCount).toBe(25)
    expect(second.getCuration(id)).toMatchObject({
      tags: ['pull-quote', 'acting'],
      myRating: 3,
      note: 'Great line about concrete.',
    })
    expect(second.tags.map((t) => t.name)).toEqual(['pull-quote', 'acting'])
    await second.close()
  })

  it('an edit appends a small record to the curation log, never the review text', async () => {
    const library = await openLibrary(dir, { now: steppingClock() })
    await importPaths(library, [FIXTURE])
    const reviewFile = join(dir, 'reviews', (await readdir(join(dir, 'reviews')))[0]!)
    const before = await readFile(reviewFile, 'utf8')
    const ids = [...library.allReviews()].map((r) => r.id)
    for (const id of ids.slice(0, 5)) await setMyRating(library, [id], 7)
    expect(await readFile(reviewFile, 'utf8')).toBe(before)
    // Five records of one review each.
    expect((await readFile(join(dir, 'curation', 'log.bin'))).byteLength).toBeLessThan(2000)
    await library.close()
    // Closing folds the log into the shards and empties it.
    const bucket = join(dir, 'curation', `${ids[0]!.slice(3, 5)}.json`)
    expect(JSON.parse(await readFile(bucket, 'utf8')).items[ids[0]!].myRating).toBe(7)
    expect((await readFile(join(dir, 'curation', 'log.bin'))).byteLength).toBe(8)
  })

  it('writes atomically: no temp files are left and the files always parse', async () => {
    const library = await openLibrary(dir, { now: steppingClock() })
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    await Promise.all(ids.map((id, i) => setMyRating(library, [id], (i % 10) + 1)))
    await library.close()
    const all = [
      ...(await readdir(dir)),
      ...(await readdir(join(dir, 'curation'))),
      ...(await readdir(join(dir, 'reviews'))),
    ]
    expect(all.filter((n) => n.endsWith('.tmp'))).toEqual([])
    const reopened = await openLibrary(dir)
    ids.forEach((id, i) => expect(reopened.getCuration(id).myRating).toBe((i % 10) + 1))
    await reopened.close()
  })

  it('refuses a second opener while the library is open, with a clear message', async () => {
    const library = await openLibrary(dir)
    await expect(openLibrary(dir)).rejects.toThrow(/in use by another Review Curator/)
    await library.close()
    const again = await openLibrary(dir)
    await again.close()
  })

  it('refuses a library written by a newer schema instead of guessing', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION + 1, createdAt: 'x', imports: [], tags: [] }),
    )
    await expect(openLibrary(dir)).rejects.toThrow(/newer Review Curator/)
    // and it did not touch the file
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(
      SCHEMA_VERSION + 1,
    )
  })
})
