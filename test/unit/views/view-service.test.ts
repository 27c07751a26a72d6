import { listViews } from '../../../electron/domain/queries/views-query'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'
import { deleteView, renameView, saveView } from '../../../electron/app/commands/curate'
import { SCHEMA_VERSION } from '../../../electron/domain/store/schema'
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { referenceLibrary } from '../support/reference-library'
import { steppingClock } from '../support/temp-library'

let library: Library
let dir: string
let cleanup: () => Promise<void>
let ids: string[]

beforeEach(async () => {
  ;({ library, dir, ids, cleanup } = await referenceLibrary())
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('saved views', () => {
  it('saves a query with its sort, counts live and survives a reopen', async () => {
    const query = { tags: ['acting'], sort: { field: 'rating' as const, dir: 'desc' as const } }
    const view = await saveView(library, ' Acting ', query)
    expect(view).toMatchObject({ id: 'vw_1', name: 'Acting', query })
    expect(listViews(library)).toEqual([expect.objectContaining({ name: 'Acting', count: 0 })])
    await addTags(library, ids.slice(0, 2), ['acting'])
    expect(listViews(library)[0]!.count).toBe(2)
    await library.close()
    library = await openLibrary(dir, { now: steppingClock() })
    expect(listViews(library)).toEqual([
      expect.objectContaining({ name: 'Acting', count: 2, query }),
    ])
  })

  it('replaces a view saved under the same name instead of duplicating it', async () => {
    await saveView(library, 'Mine', { rating: { min: 8 } })
    await saveView(library, 'mine', { rating: { min: 9 } })
    expect(library.views).toHaveLength(1)
    expect(library.views[0]!.query).toEqual({ rating: { min: 9 } })
  })

  it('renames and deletes, each undoable', async () => {
    const view = await saveView(library, 'High', { rating: { min: 8 } })
    await renameView(library, view.id, 'Top rated')
    expect(library.views[0]!.name).toBe('Top rated')
    await deleteView(library, view.id)
    expect(library.views).toEqual([])
    expect(library.history.entries()[0]).toMatchObject({
      kind: 'views',
      label: 'Delete view Top rated',
    })
    await library.history.undo()
    expect(library.views.map((v) => v.name)).toEqual(['Top rated'])
    await library.history.undo()
    expect(library.views.map((v) => v.name)).toEqual(['High'])
    await expect(deleteView(library, 'vw_99')).rejects.toThrow('There is no saved view vw_99')
  })

  it('reads a library.json written before views existed as having none', async () => {
    await library.close()
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, createdAt: 'then', imports: [], tags: [] }),
    )
    library = await openLibrary(dir, { now: steppingClock() })
    expect(library.views).toEqual([])
    expect(library.notices).toEqual([])
    await saveView(library, 'First', {})
    expect(library.views).toHaveLength(1)
  })
})
