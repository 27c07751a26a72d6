import { createHash } from 'node:crypto'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gunzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTags } from '../../../electron/app/commands/curate'
import { undoImport } from '../../../electron/app/import/apply-import'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { readManifests } from '../../../electron/domain/import/kept-sources'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
let library: Library
beforeEach(async () => {
  const made = await tempDir('rc-sources-')
  cleanup = made.cleanup
  dir = join(made.dir, 'lib')
  library = await openLibrary(dir, { now: steppingClock() })
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

describe('every import keeps its source', () => {
  it('keeps the file as read, compressed, with its name, format, length and sha256', async () => {
    const report = await importPaths(library, [FIXTURE])
    const raw = await readFile(FIXTURE)
    const { manifests, problems } = await readManifests(dir)
    expect(problems).toEqual([])
    expect(manifests).toHaveLength(1)
    const [entry] = manifests[0]!.files
    expect(manifests[0]!.importId).toBe(report.importId)
    expect(entry).toMatchObject({
      recordId: report.files[0]!.recordId,
      fileName: 'pusher-ii-2004.txt',
      format: 'imdb-title-reviews-text',
      byteLength: raw.length,
      sha256: sha256(raw),
    })
    const kept = await readFile(join(dir, 'sources', entry!.blob))
    expect(kept.length).toBeLessThan(raw.length)
    expect(gunzipSync(kept).equals(raw)).toBe(true)
  })

  it('keeps pasted text as UTF-8', async () => {
    const text = await readFile(FIXTURE, 'utf8')
    await importText(library, 'Pasted text', `Ærø — ${text}`)
    const { manifests } = await readManifests(dir)
    const entry = manifests[0]!.files[0]!
    const bytes = gunzipSync(await readFile(join(dir, 'sources', entry.blob)))
    expect(bytes.toString('utf8')).toBe(`Ærø — ${text}`)
  })

  it('undo of the import removes its sources, redo brings them back', async () => {
    const report = await importPaths(library, [FIXTURE])
    const files = (await readdir(join(dir, 'sources'))).sort()
    expect(files).toHaveLength(2)
    await undoImport(library, report.importId)
    expect(await readdir(join(dir, 'sources'))).toEqual([])
    await library.history.redo()
    expect((await readdir(join(dir, 'sources'))).sort()).toEqual(files)
  })
})

describe('a damaged review file is rebuilt from the kept sources', () => {
  async function importAndTag() {
    await importPaths(library, [FIXTURE])
    const work = library.allWorks()[0]!
    const ids = library.reviewsOfWork(work.id).map((r) => r.id)
    await addTags(library, ids.slice(0, 3), ['acting'])
    const reviews = library.reviewsOfWork(work.id)
    await library.close()
    return { work, reviews, tagged: ids.slice(0, 3) }
  }

  it('with the same ids and fields, and the tags attached again', async () => {
    const { work, reviews, tagged } = await importAndTag()
    await writeFile(join(dir, 'reviews', `${work.id}.json`), '{"schemaVersion":1,"work":')
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
    expect(library.reviewsOfWork(work.id)).toEqual(reviews)
    for (const id of tagged) expect(library.getCuration(id).tags).toEqual(['acting'])
    expect(library.notices.join('\n')).toMatch(
      new RegExp(
        `reviews/${work.id}\\.json: the ${reviews.length} reviews of “Pusher II” were rebuilt from the kept source of pusher-ii-2004\\.txt`,
      ),
    )
    // Rebuilt durably: the next open finds the file whole and says nothing.
    await library.close()
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 3)) })
    expect(library.notices).toEqual([])
    expect(library.reviewsOfWork(work.id)).toEqual(reviews)
  })

  it('says what could not be recovered when the source was not kept (a library from before)', async () => {
    const { work } = await importAndTag()
    await rm(join(dir, 'sources'), { recursive: true })
    await writeFile(join(dir, 'reviews', `${work.id}.json`), '\0\0\0')
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
    expect(library.reviewsOfWork(work.id)).toEqual([])
    expect(library.notices.join('\n')).toMatch(
      /could not be rebuilt from kept sources; not rebuilt from pusher-ii-2004\.txt \(imported .*; no source kept\): reviews only that import brought could not be recovered/,
    )
  })

  it('names a kept source whose bytes were damaged, and does not use it', async () => {
    const { work } = await importAndTag()
    const { manifests } = await readManifests(dir)
    const blob = manifests[0]!.files[0]!.blob
    await writeFile(join(dir, 'sources', blob), 'not gzip')
    await writeFile(join(dir, 'reviews', `${work.id}.json`), '[]')
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
    expect(library.reviewsOfWork(work.id)).toEqual([])
    expect(library.notices.join('\n')).toContain(
      `sources/${blob} (the kept copy of pusher-ii-2004.txt) is damaged`,
    )
  })
})

describe('a quarantined review is rebuilt from the kept sources', () => {
  it('sets the wrong-typed record aside and brings the review back from its source', async () => {
    await importPaths(library, [FIXTURE])
    const work = library.allWorks()[0]!
    const reviews = library.reviewsOfWork(work.id)
    await library.close()
    const path = join(dir, 'reviews', `${work.id}.json`)
    const file = JSON.parse(await readFile(path, 'utf8')) as { reviews: unknown[] }
    file.reviews[2] = { ...reviews[2]!, date: 12345 }
    await writeFile(path, JSON.stringify(file))
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
    const notices = library.notices.join('\n')
    expect(notices).toMatch(/quarantine/)
    expect(notices).toMatch(/were rebuilt from the kept source of pusher-ii-2004\.txt/)
    const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id)
    expect([...library.reviewsOfWork(work.id)].sort(byId)).toEqual([...reviews].sort(byId))
  })
})

describe('a rebuild starts from the backup and replays the imports since', () => {
  const csv = (rows: number) =>
    [
      'movie_title,year,author,date,rating,title,review',
      ...Array.from(
        { length: rows },
        (_, i) => `Bleeder,1999,writer${i},2020-01-0${i + 1},${i + 5},Headline ${i},Body ${i}.`,
      ),
    ].join('\n')

  it('brings back the reviews of an import made after the backup', async () => {
    await importText(library, 'first.csv', csv(2))
    await library.close()
    // The next day's first change backs up the day before: the backup holds two reviews.
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
    await importText(library, 'second.csv', csv(4))
    const work = library.allWorks()[0]!
    const reviews = library.reviewsOfWork(work.id)
    expect(reviews).toHaveLength(4)
    await addTags(library, [reviews[3]!.id], ['late'])
    await library.close()
    await writeFile(join(dir, 'reviews', `${work.id}.json`), 'garbage')
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 3)) })
    const notices = library.notices.join('\n')
    expect(notices).toMatch(/restored from the backup/)
    expect(notices).toMatch(/were rebuilt from the kept sources of first\.csv, second\.csv/)
    expect(library.reviewsOfWork(work.id)).toEqual(reviews)
    expect(library.getCuration(reviews[3]!.id).tags).toEqual(['late'])
  })
})
