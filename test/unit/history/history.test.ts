import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { FIXTURE, snapshotTree, steppingClock, tempDir } from '../support/temp-library'

let library: Library
let cleanup: () => Promise<void>
beforeEach(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('undo and redo', () => {
  it('undoes and redoes curation changes in order, bulk changes as one step', async () => {
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    await addTags(library, ids.slice(0, 3), ['acting'])
    await setMyRating(library, [ids[0]!], 4)
    await setNote(library, ids[1]!, 'quote this')
    expect(library.history.entries().map((e) => e.label)).toEqual([
      'Edit note',
      'Rate review 4/10',
      'Tag 3 reviews acting',
      'Import pusher-ii-2004.txt',
    ])

    await library.history.undo()
    expect(library.getCuration(ids[1]!).note).toBeNull()
    await library.history.undo()
    expect(library.getCuration(ids[0]!).myRating).toBeNull()
    await library.history.undo()
    expect(ids.slice(0, 3).map((id) => library.getCuration(id).tags)).toEqual([[], [], []])
    expect(library.history.state()).toMatchObject({ canUndo: true, canRedo: true })

    await library.history.redo()
    expect(ids.slice(0, 3).map((id) => library.getCuration(id).tags)).toEqual([
      ['acting'],
      ['acting'],
      ['acting'],
    ])
    // a new change drops what could have been redone
    await setMyRating(library, [ids[2]!], 9)
    expect(library.history.state().canRedo).toBe(false)
    expect(await library.history.redo()).toBeNull()
  })

  it('undo survives on disk: the reopened library shows the undone state', async () => {
    await importPaths(library, [FIXTURE])
    const id = [...library.allReviews()][0]!.id
    await setMyRating(library, [id], 4)
    await library.history.undo()
    const dir = library.dir
    await library.close()
    library = await openLibrary(dir)
    expect(library.getCuration(id).myRating).toBeNull()
  })

  it('undo import removes exactly what it added and restores what it changed', async () => {
    const text = await readFile(FIXTURE, 'utf8')
    await importText(library, 'first.txt', text)
    const first = [...library.allReviews()][0]!
    await addTags(library, [first.id], ['acting'])
    const before = await snapshotTree(library.dir)
    const newer = text
      .replace('54 out of 62 found', '60 out of 70 found')
      .replace(
        'Permalink\nAn error has occured.',
        'Permalink\n3/10\nA new one\nlatecomer1 May 2025\nShort body.\n0 out of 0 found this helpful.\nPermalink\nAn error has occured.',
      )
    const { files } = await importText(library, 'newer.txt', newer)
    expect(files[0]).toMatchObject({ added: 1, updated: 1 })
    expect(library.reviewCount).toBe(26)

    const entry = await library.history.undo()
    expect(entry?.label).toBe('Import newer.txt')
    expect(library.reviewCount).toBe(25)
    expect(library.getReview(first.id)!.helpful).toEqual({ yes: 54, total: 62 })
    expect(library.getCuration(first.id).tags).toEqual(['acting'])
    expect(library.imports.map((i) => i.fileName)).toEqual(['first.txt'])
    const after = await snapshotTree(library.dir)
    expect(after.get('library.json')).toEqual(before.get('library.json'))
    expect([...after.keys()].filter((k) => k.startsWith('reviews/'))).toEqual(
      [...before.keys()].filter((k) => k.startsWith('reviews/')),
    )

    await library.history.redo()
    expect(library.reviewCount).toBe(26)
  })

  it('undoing the first import of a work removes the work and its file', async () => {
    await importPaths(library, [FIXTURE])
    await library.history.undo()
    expect(library.reviewCount).toBe(0)
    expect(library.allWorks()).toEqual([])
    expect(
      [...(await snapshotTree(library.dir)).keys()].filter((k) => k.startsWith('reviews/')),
    ).toEqual([])
  })
})
