import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../electron/app/create-app'
import { isOrdered } from '../../../electron/app/edit-lane'
import { referenceLibrary, type ReferenceLibrary } from '../support/reference-library'

// The window shows an edit at once, so Undo can come while the edit is still being written.
describe('edits, undo and redo run one after another', () => {
  let ref: ReferenceLibrary
  let app: App

  beforeEach(async () => {
    ref = await referenceLibrary()
    app = createApp({
      library: ref.library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: () => undefined,
    })
  })
  afterEach(async () => {
    await ref.library.close()
    await ref.cleanup()
  })

  it('an undo sent while an edit is being written undoes that edit', async () => {
    const id = ref.ids[0]!
    await app.dispatch('curation:rate', { ids: [id], rating: 2 })
    // Not awaited: the undo is sent while the keep is still on its way to the disk.
    const keep = app.dispatch('curation:keep', { ids: [id], kept: true })
    const undo = app.dispatch('history:undo', {})
    expect((await keep).ok).toBe(true)
    const undone = await undo
    expect(undone).toMatchObject({ ok: true, value: { entry: { label: 'Keep review' } } })
    expect(ref.library.getCuration(id)).toMatchObject({ kept: false, myRating: 2 })
  })

  it('two undos sent at once undo two steps', async () => {
    const id = ref.ids[0]!
    await app.dispatch('curation:rate', { ids: [id], rating: 2 })
    await app.dispatch('curation:rate', { ids: [id], rating: 5 })
    const both = await Promise.all([
      app.dispatch('history:undo', {}),
      app.dispatch('history:undo', {}),
    ])
    expect(both.every((r) => r.ok)).toBe(true)
    expect(ref.library.getCuration(id).myRating).toBeNull()
  })

  it('orders the requests that write, not the reads', () => {
    for (const c of [
      'curation:tag',
      'tags:merge',
      'views:save',
      'history:undo',
      'import:commit',
      'collections:move',
      'library:reparse-apply',
    ])
      expect(isOrdered(c)).toBe(true)
    for (const c of ['reviews:query', 'views:list', 'history:list', 'library:info', 'export:run'])
      expect(isOrdered(c)).toBe(false)
    for (const c of ['toString', 'constructor', 'nope:nothing', 42])
      expect(isOrdered(c)).toBe(false)
  })
})
