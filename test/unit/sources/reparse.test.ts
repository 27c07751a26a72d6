import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { applyReparse, previewReparse } from '../../../electron/app/import/reparse-service'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
let library: Library
beforeEach(async () => {
  const made = await tempDir('rc-reparse-')
  cleanup = made.cleanup
  dir = join(made.dir, 'lib')
  library = await openLibrary(dir, { now: steppingClock() })
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

/**
 * Imports the fixture, tags two reviews, then edits the stored reviews as an older parser might
 * have left them: one body differs, one review is missing, one the page does not hold is extra.
 */
async function outdatedLibrary() {
  const report = await importPaths(library, [FIXTURE])
  const work = library.allWorks()[0]!
  const original = library.reviewsOfWork(work.id)
  const [changed, dropped] = original
  await addTags(library, [changed!.id, dropped!.id], ['acting'])
  await library.close()
  const path = join(dir, 'reviews', `${work.id}.json`)
  const file = JSON.parse(await readFile(path, 'utf8')) as { reviews: Review[] }
  const extra: Review = { ...changed!, id: 'rv_00000000000000ff', title: 'Not on the page' }
  file.reviews = [
    { ...changed!, body: 'What an older parser made of it.' },
    ...file.reviews.slice(2),
    extra,
  ]
  await writeFile(path, JSON.stringify(file))
  library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 2)) })
  return { report, work, original, changed: changed!, dropped: dropped!, extra }
}

describe('re-parse', () => {
  it('shows what today’s parsers make of the kept sources, by review, writing nothing', async () => {
    const { report, changed, dropped, extra } = await outdatedLibrary()
    const before = await readFile(join(dir, 'library.json'), 'utf8')
    const diff = await previewReparse(library)
    expect({ added: diff.added, removed: diff.removed, changed: diff.changed }).toEqual({
      added: 1,
      removed: 1,
      changed: 1,
    })
    const recordId = report.files[0]!.recordId
    expect(diff.reviews).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'changed', id: changed.id, fields: ['body'], recordId }),
        expect.objectContaining({ kind: 'added', id: dropped.id, recordId }),
        expect.objectContaining({ kind: 'removed', id: extra.id, recordId }),
      ]),
    )
    expect(diff.imports).toEqual([
      expect.objectContaining({ recordId, status: 'reparsed', added: 1, removed: 1, changed: 1 }),
    ])
    expect(diff.applied).toBeNull()
    expect(await readFile(join(dir, 'library.json'), 'utf8')).toBe(before)
  })

  it('applies as one undoable step, curation kept by review id', async () => {
    const { work, original, changed, dropped } = await outdatedLibrary()
    const edited = library.reviewsOfWork(work.id)
    const diff = await applyReparse(library)
    expect(diff.applied).toBe('Re-parse imports')
    const sortById = (rs: Review[]) => [...rs].sort((a, b) => a.id.localeCompare(b.id))
    expect(sortById(library.reviewsOfWork(work.id))).toEqual(sortById(original))
    expect(library.getCuration(changed.id).tags).toEqual(['acting'])
    expect(library.getCuration(dropped.id).tags).toEqual(['acting'])
    // Nothing left to do, and the files say the same after reopening.
    expect((await previewReparse(library)).reviews).toEqual([])
    await library.history.undo()
    expect(library.reviewsOfWork(work.id)).toEqual(edited)
    await library.history.redo()
    await library.close()
    library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 3)) })
    expect(sortById(library.reviewsOfWork(work.id))).toEqual(sortById(original))
  })

  it('narrows to one import, and refuses an unknown one', async () => {
    const { report } = await outdatedLibrary()
    const only = await previewReparse(library, report.importId)
    expect(only.changed).toBe(1)
    await expect(previewReparse(library, 'im_nope')).rejects.toThrow(
      'No import im_nope in this library',
    )
  })

  it('says which imports kept no source, and removes none of their reviews', async () => {
    await outdatedLibrary()
    await rm(join(dir, 'sources'), { recursive: true, force: true })
    const diff = await previewReparse(library)
    expect(diff.imports).toEqual([
      expect.objectContaining({
        status: 'no-source',
        message: expect.stringMatching(/no source kept/),
      }),
    ])
    expect(diff.reviews).toEqual([])
    expect((await applyReparse(library)).applied).toBeNull()
  })
})
