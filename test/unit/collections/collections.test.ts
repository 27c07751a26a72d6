import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  addToCollection,
  createCollection,
  moveInCollection,
} from '../../../electron/app/commands/curate'
import { runCommand } from '../../../electron/app/commands/command'
import { renderExport } from '../../../electron/app/export/export-service'
import { undoImport } from '../../../electron/app/import/apply-import'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { findCollectionScope, resolveScope } from '../../../electron/domain/export/select'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { listCollections } from '../../../electron/domain/queries/collections-query'
import { matchReviews } from '../../../electron/domain/queries/query-service'
import { steppingClock, tempDir } from '../support/temp-library'
import { curatedLibrary, HOSTILE_PAGE, type Curated } from '../export/fixture-library'

let lib: Curated
let library: Library
/** Every review id, in library order. */
let all: string[]

beforeEach(async () => {
  lib = await curatedLibrary()
  library = lib.library
  all = [...library.allReviews()].map((r) => r.id)
})
afterEach(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const listed = (query: Parameters<typeof matchReviews>[1]) =>
  matchReviews(library, query).map((m) => m.review.id)

/** Three reviews, deliberately not in library order. */
const picks = () => [all[7]!, all[2]!, all[12]!]

describe('collection commands', () => {
  it('creates, adds in the given order, skips ids already in it, and refuses a duplicate name', async () => {
    const created = await createCollection(library, 'Pull quotes', [all[7]!])
    expect(created).toMatchObject({ id: 'co_1', name: 'Pull quotes', reviewIds: [all[7]] })
    const added = await addToCollection(library, created.id, [all[2]!, all[7]!, all[12]!])
    expect(added.reviewIds).toEqual(picks())
    const steps = library.history.entries().length
    await addToCollection(library, created.id, [all[2]!])
    expect(library.history.entries()).toHaveLength(steps) // nothing new: no undo step
    await expect(createCollection(library, 'pull QUOTES')).rejects.toThrow(
      'There is already a collection named "Pull quotes"',
    )
    await expect(addToCollection(library, created.id, ['rv_0000000000000000'])).rejects.toThrow(
      'No review with id rv_0000000000000000',
    )
  })

  it('moves a review to a place, clamping past the end, each move one undo step', async () => {
    const { id } = await createCollection(library, 'Order', picks())
    expect((await moveInCollection(library, id, all[12]!, 0)).reviewIds).toEqual([
      all[12],
      all[7],
      all[2],
    ])
    expect((await moveInCollection(library, id, all[12]!, 99)).reviewIds).toEqual([
      all[7],
      all[2],
      all[12],
    ])
    await library.history.undo()
    expect(library.collections[0]!.reviewIds).toEqual([all[12], all[7], all[2]])
    await library.history.undo()
    expect(library.collections[0]!.reviewIds).toEqual(picks())
    await expect(moveInCollection(library, id, all[20]!, 0)).rejects.toThrow('is not in Order')
  })

  it('adds every review a query matches, in the query order', async () => {
    const { id } = await createCollection(library, 'Kept')
    const result = await runCommand(library, 'collections:add', { id, query: { kept: true } })
    expect(result.reviewIds).toEqual(listed({ kept: true }))
    expect(result.reviewIds.length).toBeGreaterThan(0)
  })
})

describe('collection queries', () => {
  it('lists a collection in its own order unless a sort is asked for', async () => {
    const { id } = await createCollection(library, 'Pull quotes', picks())
    expect(listed({ collection: id })).toEqual(picks())
    await moveInCollection(library, id, all[2]!, 0)
    expect(listed({ collection: id })).toEqual([all[2], all[7], all[12]])
    const byTitle = listed({ collection: id, sort: { field: 'title', dir: 'asc' } })
    expect(byTitle).toEqual(
      listed({ sort: { field: 'title', dir: 'asc' } }).filter((r) => picks().includes(r)),
    )
    // Other filters narrow it and keep its order.
    const kept = new Set(listed({ kept: true }))
    await addToCollection(library, id, [...kept])
    expect(listed({ collection: id, kept: true })).toEqual(
      library.collections[0]!.reviewIds.filter((r) => kept.has(r)),
    )
  })

  it('answers the typed collection:NAME, and names the collections for an unknown one', async () => {
    await createCollection(library, 'Pull quotes', picks())
    expect(listed({ q: 'collection:"pull quotes"' })).toEqual(picks())
    expect(listed({ q: '-collection:"Pull quotes"' })).toHaveLength(all.length - 3)
    expect(() => listed({ q: 'collection:nope' })).toThrow(
      'no collection named "nope"; the collections are "Pull quotes"',
    )
    expect(listed({ collection: 'co_99' })).toEqual([])
  })

  it('skips reviews whose import was undone, and shows them in place when they are imported again', async () => {
    const hostile = [...library.allReviews()].filter((r) => r.title.startsWith('<script>'))
    const hostileId = hostile[0]!.id
    const importId = hostile[0]!.importId
    // The hostile import's reviews must be uncurated for its undo to be allowed.
    await runCommand(library, 'curation:keep', { ids: [hostileId], kept: false })
    await runCommand(library, 'curation:note', { id: hostileId, note: null })
    await runCommand(library, 'curation:untag', { ids: [hostileId], tags: ['theme/danger'] })
    const { id } = await createCollection(library, 'Mixed', [all[3]!, hostileId, all[1]!])
    expect(listCollections(library)[0]!.count).toBe(3)
    const undone = await undoImport(library, importId)
    expect(undone).toMatchObject({ label: 'Import hostile.txt' })
    expect(library.getReview(hostileId)).toBeUndefined()
    expect(listCollections(library)[0]).toMatchObject({ count: 2 })
    expect(listed({ collection: id })).toEqual([all[3], all[1]])
    const csv = renderExport(library, 'csv', resolveScope(library, { kind: 'collection', id }))
    expect(csv.count).toBe(2)
    // The stored order still holds the id, so the review comes back in its place.
    expect(library.collections[0]!.reviewIds).toEqual([all[3], hostileId, all[1]])
    await importText(library, 'hostile.txt', HOSTILE_PAGE)
    expect(listed({ collection: id })).toEqual([all[3], hostileId, all[1]])
  })
})

describe('collection export scope', () => {
  const ids = (text: string) => [...text.matchAll(/"id":"(rv_[0-9a-f]{16})"/g)].map((m) => m[1])

  it('writes every format in the collection order; a chosen order overrides it', async () => {
    const { id } = await createCollection(library, 'Pull quotes', picks())
    const scope = resolveScope(library, { kind: 'collection', id })
    expect(scope.label).toBe('Collection “Pull quotes”')
    expect(ids(renderExport(library, 'json', scope).text)).toEqual(picks())
    expect(ids(renderExport(library, 'jsonl', scope).text)).toEqual(picks())
    const csvRows = renderExport(library, 'csv', scope).text.split('\r\n').slice(1, -1)
    expect(csvRows.map((row) => row.slice(0, 19))).toEqual(picks())
    const titles = picks().map((r) => library.getReview(r)!.title)
    const html = renderExport(library, 'html', scope).text
    const at = titles.map((t) => html.indexOf(t.replace(/&/g, '&amp;').replace(/'/g, '&#39;')))
    expect(at.every((i) => i > 0)).toBe(true)
    expect([...at].sort((a, b) => a - b)).toEqual(at)
    const sorted = renderExport(library, 'json', scope, {
      fields: 'all',
      includeSpoilers: true,
      order: { field: 'title', dir: 'asc' },
      bom: false,
    })
    expect(ids(sorted.text)).toEqual(
      listed({ collection: id, sort: { field: 'title', dir: 'asc' } }),
    )
  })

  it('finds a collection by name for the CLI and names the collections when none matches', async () => {
    await createCollection(library, 'Pull quotes', picks())
    expect(findCollectionScope(library, 'PULL QUOTES').query).toEqual({ collection: 'co_1' })
    expect(() => findCollectionScope(library, 'other')).toThrow(
      'No collection named "other"; the collections are "Pull quotes"',
    )
  })
})

describe('collections in a backup', () => {
  const everything = { label: 'The whole library', query: {} }

  it('restores into an empty library with the same ids and order, and merges into a same-named one', async () => {
    const { id } = await createCollection(library, 'Pull quotes', picks())
    await moveInCollection(library, id, all[12]!, 0)
    await createCollection(library, 'Second', [all[0]!])
    const temp = await tempDir()
    try {
      const file = join(temp.dir, 'backup.json')
      await writeFile(file, renderExport(library, 'json', everything).text)
      const restored = await openLibrary(join(temp.dir, 'empty'), { now: steppingClock() })
      try {
        await importPaths(restored, [file])
        expect(restored.collections).toEqual(library.collections)
        expect(listed({ collection: id })).toEqual(
          matchReviews(restored, { collection: id }).map((m) => m.review.id),
        )
      } finally {
        await restored.close()
      }

      // A library that has "pull quotes" with one review gets the others appended; undo takes
      // exactly them away again.
      const mine = await openLibrary(join(temp.dir, 'mine'), { now: steppingClock() })
      try {
        const partial = join(temp.dir, 'partial.json')
        await writeFile(
          partial,
          renderExport(library, 'json', { label: 'one', query: {}, ids: [all[2]!] }).text,
        )
        await importPaths(mine, [partial])
        expect(mine.collections.map((c) => [c.name, c.reviewIds])).toEqual([
          ['Pull quotes', [all[2]]],
        ])
        await createCollection(mine, 'Other', [all[2]!])
        const report = await importPaths(mine, [file])
        expect(mine.collections.map((c) => [c.name, c.reviewIds])).toEqual([
          ['Pull quotes', [all[2], all[12], all[7]]],
          ['Other', [all[2]]],
          ['Second', [all[0]]],
        ])
        await undoImport(mine, report.importId)
        expect(mine.collections.map((c) => [c.name, c.reviewIds])).toEqual([
          ['Pull quotes', [all[2]]],
          ['Other', [all[2]]],
        ])
      } finally {
        await mine.close()
      }
    } finally {
      await temp.cleanup()
    }
  })
})
