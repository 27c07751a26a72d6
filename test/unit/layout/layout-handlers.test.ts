import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_LAYOUT, type WorkspaceLayout } from '../../../shared/channels/layout'
import type { EventName } from '../../../shared/contract'
import { createApp, type App } from '../../../electron/app/create-app'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { referenceLibrary, type ReferenceLibrary } from '../support/reference-library'
import { steppingClock } from '../support/temp-library'

// The workspace layout is remembered per library, in its library.json: pane widths, collapsed
// panes and the list's columns. It is not curation, so it is neither undoable nor announced.

const CUSTOM: WorkspaceLayout = {
  sidebar: { width: 300, collapsed: true },
  reader: { width: 520, collapsed: false },
  columns: { visible: ['headline', 'author', 'rating'], widths: { author: 140, rating: 60 } },
}

describe('layout:get and layout:set', () => {
  let ref: ReferenceLibrary
  let app: App
  let sent: EventName[]

  const make = () =>
    createApp({
      library: ref.library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: (event) => void sent.push(event),
    })

  beforeEach(async () => {
    ref = await referenceLibrary()
    sent = []
    app = make()
  })
  afterEach(async () => {
    await ref.library.close()
    await ref.cleanup()
  })

  it('gives the default until the user changes something, then the saved one after a reopen', async () => {
    expect(await app.dispatch('layout:get', {})).toEqual({ ok: true, value: DEFAULT_LAYOUT })
    expect(await app.dispatch('layout:set', CUSTOM)).toEqual({ ok: true, value: CUSTOM })
    await ref.library.close()
    ref.library = await openLibrary(ref.dir, { now: steppingClock() })
    app = make()
    expect(await app.dispatch('layout:get', {})).toEqual({ ok: true, value: CUSTOM })
  })

  it('is neither an undo step nor a library change the window must re-read', async () => {
    const before = ref.library.history.state()
    await app.dispatch('layout:set', CUSTOM)
    expect(sent).not.toContain('library:changed')
    expect(ref.library.history.state()).toEqual(before)
  })

  it('refuses a width out of range or an unknown column, naming the field, and keeps the old one', async () => {
    await app.dispatch('layout:set', CUSTOM)
    const narrow = await app.dispatch('layout:set', {
      ...CUSTOM,
      sidebar: { width: 20, collapsed: false },
    })
    expect(narrow).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    expect(!narrow.ok && narrow.error.message).toMatch(/sidebar\.width.*at least 160/)
    const unknown = await app.dispatch('layout:set', {
      ...CUSTOM,
      columns: { visible: ['headline', 'mood'], widths: {} },
    })
    expect(!unknown.ok && unknown.error.message).toMatch(/columns\.visible/)
    const twice = await app.dispatch('layout:set', {
      ...CUSTOM,
      columns: { visible: ['rating', 'rating'], widths: {} },
    })
    expect(!twice.ok && twice.error.message).toMatch(/twice/)
    expect(await app.dispatch('layout:get', {})).toEqual({ ok: true, value: CUSTOM })
  })

  it('sets a damaged stored layout aside and keeps the rest of library.json', async () => {
    await app.dispatch('layout:set', CUSTOM)
    await ref.library.close()
    const path = join(ref.dir, 'library.json')
    const meta = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>
    const tags = meta.tags
    meta.layout = { sidebar: { width: 'wide' } }
    await writeFile(path, JSON.stringify(meta))
    ref.library = await openLibrary(ref.dir, { now: steppingClock() })
    app = make()
    expect(await app.dispatch('layout:get', {})).toEqual({ ok: true, value: DEFAULT_LAYOUT })
    expect(ref.library.tags).toEqual(tags)
    expect(ref.library.notices.join('\n')).toMatch(/layout/)
  })
})
