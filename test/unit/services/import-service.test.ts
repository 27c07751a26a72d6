import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import type { Library } from '../../../electron/domain/library/library'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { EXPECTED, FIXTURE, snapshotTree, steppingClock, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
let library: Library
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  library = await openLibrary(join(dir, 'lib'), { now: steppingClock() })
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('importing the reference dump', () => {
  it('reports the work, found vs declared, incompleteness and the ambiguous bylines', async () => {
    const expected = JSON.parse(await readFile(EXPECTED, 'utf8'))
    const { files } = await importPaths(library, [FIXTURE])
    const report = files[0]!
    expect(report).toMatchObject({
      fileName: 'pusher-ii-2004.txt',
      format: 'imdb-title-reviews-text',
      works: [{ title: 'Pusher II', year: 2004 }],
      found: 25,
      declared: 44,
      incomplete: true,
      added: 25,
      updated: 0,
      unchanged: 0,
    })
    const ambiguous = expected.reviews.filter(
      (r: { bylineAmbiguous: boolean }) => r.bylineAmbiguous,
    )
    expect(report.ambiguousBylines.map((b) => b.bylineRaw)).toEqual(
      ambiguous.map((r: { bylineRaw: string }) => r.bylineRaw),
    )
    expect(report.ambiguousBylines[0]!.alternatives.length).toBeGreaterThan(1)
  })

  it('stores every review field as the expected parse gives it', async () => {
    const expected = JSON.parse(await readFile(EXPECTED, 'utf8'))
    await importPaths(library, [FIXTURE])
    const stored = [...library.allReviews()]
    expect(stored).toHaveLength(expected.reviews.length)
    stored.forEach((review, i) => {
      const want = expected.reviews[i]
      for (const field of Object.keys(want))
        expect(review[field as keyof typeof review], field).toEqual(want[field])
    })
  })

  it('gives stable ids: importing twice adds nothing and keeps tags, notes and ratings', async () => {
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    await addTags(library, [ids[0]!], ['acting'])
    await setNote(library, ids[0]!, 'keep this')
    await setMyRating(library, [ids[1]!], 2)
    const { files } = await importPaths(library, [FIXTURE])
    expect(files[0]).toMatchObject({ added: 0, updated: 0, unchanged: 25 })
    expect([...library.allReviews()].map((r) => r.id)).toEqual(ids)
    expect(library.getCuration(ids[0]!)).toMatchObject({ tags: ['acting'], note: 'keep this' })
    expect(library.getCuration(ids[1]!).myRating).toBe(2)
  })

  it('updates what legitimately changed in a newer copy and keeps the curation', async () => {
    await importPaths(library, [FIXTURE])
    const first = [...library.allReviews()][0]!
    await addTags(library, [first.id], ['acting'])
    const newer = (await readFile(FIXTURE, 'utf8')).replace(
      '54 out of 62 found',
      '60 out of 70 found',
    )
    const { files } = await importText(library, 'newer.txt', newer)
    expect(files[0]).toMatchObject({ added: 0, updated: 1, unchanged: 24 })
    expect(library.getReview(first.id)!.helpful).toEqual({ yes: 60, total: 70 })
    expect(library.getCuration(first.id).tags).toEqual(['acting'])
  })

  it('identity does not depend on import order', async () => {
    const text = await readFile(FIXTURE, 'utf8')
    await importText(library, 'a.txt', text)
    const byTitle = new Map([...library.allReviews()].map((r) => [r.title, r.id]))
    const other = await openLibrary(join(dir, 'other'))
    // The same reviews, in another order: the page's reviews reversed.
    const header = text.slice(0, text.indexOf('8/10'))
    const blocks = text.slice(header.length).split(/(?<=\nPermalink\n)/)
    const footer = blocks.pop()!
    await importText(other, 'b.txt', header + blocks.reverse().join('') + footer)
    for (const r of other.allReviews()) expect(r.id).toBe(byTitle.get(r.title))
    await other.close()
  })
})

describe('bad input', () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ['empty.txt', '', /empty\.txt is empty/],
    [
      'picture.png',
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0, 1, 2, 3, 0, 0]),
      /picture\.png.*binary/,
    ],
    ['notes.txt', 'Shopping list\n\n- milk\n- eggs\n', /notes\.txt is not a review page/],
  ]
  for (const [name, content, message] of cases) {
    it(`rejects ${name} with a message naming it and leaves the library byte-for-byte unchanged`, async () => {
      await importPaths(library, [FIXTURE])
      await addTags(library, [[...library.allReviews()][0]!.id], ['acting'])
      const before = await snapshotTree(library.dir)
      const path = join(dir, name)
      await writeFile(path, content)
      await expect(importPaths(library, [path])).rejects.toThrow(message)
      expect(await snapshotTree(library.dir)).toEqual(before)
    })
  }

  it('rejects a missing file by its path', async () => {
    const before = await snapshotTree(library.dir)
    await expect(importPaths(library, [join(dir, 'nope.txt')])).rejects.toThrow(
      /nope\.txt: file not found/,
    )
    expect(await snapshotTree(library.dir)).toEqual(before)
  })

  it('imports nothing when one of several files is bad', async () => {
    const bad = join(dir, 'bad.txt')
    await writeFile(bad, 'not a review page at all')
    await expect(importPaths(library, [FIXTURE, bad])).rejects.toThrow(/bad\.txt/)
    expect(library.reviewCount).toBe(0)
    expect(library.imports).toHaveLength(0)
  })
})
