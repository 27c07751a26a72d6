import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Req } from '../../../shared/contract'
import { createApp, type App } from '../../../electron/app/create-app'
import { COMMAND_NAMES, type CommandName } from '../../../electron/app/commands/registry'
import { curationOnDisk } from '../support/curation-on-disk'
import { referenceLibrary, type ReferenceLibrary } from '../support/reference-library'

/** Every stored file of the library that curation, tags and views live in. */
async function curationState(dir: string): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {}
  const meta = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
  out.tags = meta.tags
  out.views = meta.views
  out.collections = meta.collections
  for (const [name, items] of Object.entries(await curationOnDisk(dir))) {
    if (Object.keys(items).length > 0) out[name] = items
  }
  return out
}

/** One input per command that really changes something; a new command must add one here. */
const INPUTS: { [N in CommandName]: (ids: string[]) => Req<N> } = {
  'curation:tag': (ids) => ({ ids: ids.slice(0, 2), tags: ['fresh', 'seeded'] }),
  'curation:untag': (ids) => ({ ids: [ids[0]!], tags: ['seeded'] }),
  'curation:toggle-tag': (ids) => ({ ids: [ids[1]!], tag: 'seeded' }),
  'curation:rate': () => ({ query: { q: 'pusher' }, rating: 9 }),
  'curation:keep': (ids) => ({ ids: ids.slice(0, 3), kept: true }),
  'curation:reviewed': (ids) => ({ ids: ids.slice(1, 3), reviewed: true }),
  'curation:note': (ids) => ({ id: ids[2]!, note: 'A **new** note' }),
  'curation:highlight-add': () => ({ id: '', start: 0, end: 10, quote: '' }),
  'curation:highlight-remove': (ids) => ({ id: ids[0]!, highlightId: 'hl_seeded' }),
  'curation:byline': (ids) => ({
    id: ids[0]!,
    correction: { author: 'Someone', date: '2006-01-02' },
  }),
  'tags:create': () => ({ name: 'theme/new', color: '#112233' }),
  'tags:rename': () => ({ from: 'seeded', to: 'theme/seeded' }),
  'tags:recolor': () => ({ name: 'seeded', color: '#abcdef' }),
  'tags:merge': () => ({ from: 'seeded', into: 'other' }),
  'tags:delete': () => ({ name: 'seeded' }),
  'tags:set-key': () => ({ name: 'seeded', key: 4 }),
  'views:save': () => ({ name: 'Strong', query: { rating: { min: 8 } } }),
  'views:rename': () => ({ id: 'vw_1', name: 'Renamed' }),
  'views:delete': () => ({ id: 'vw_1' }),
  'collections:create': (ids) => ({ name: 'Pull quotes', ids: [ids[4]!, ids[2]!] }),
  'collections:rename': () => ({ id: 'co_1', name: 'Renamed' }),
  'collections:delete': () => ({ id: 'co_1' }),
  'collections:add': (ids) => ({ id: 'co_1', ids: [ids[3]!, ids[0]!] }),
  'collections:remove': (ids) => ({ id: 'co_1', ids: [ids[1]!] }),
  'collections:move': (ids) => ({ id: 'co_1', reviewId: ids[2]!, to: 0 }),
}

describe('the command runner', () => {
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
    const [a, b] = ref.ids as [string, string]
    const body = ref.library.getReview(a)!.body
    // Seed what the commands act on: a tag on two reviews, another tag, a highlight, a view and a
    // collection.
    await ref.library.saveMeta((m) => {
      m.tags.push({ name: 'seeded', color: '#000000' }, { name: 'other', color: '#ffffff' })
      m.views.push({ id: 'vw_1', name: 'Seeded', query: {}, createdAt: '2026-01-01T00:00:00Z' })
      m.collections.push({
        id: 'co_1',
        name: 'Seeded',
        reviewIds: [a, b, ref.ids[2]!],
        createdAt: '2026-01-01T00:00:00Z',
        updatedAt: '2026-01-01T00:00:00Z',
      })
    })
    const seeded = (id: string) => ({ ...ref.library.getCuration(id), tags: ['seeded'] })
    await ref.library.saveCuration(
      new Map([
        [
          a,
          {
            ...seeded(a),
            highlights: [
              {
                id: 'hl_seeded',
                start: 0,
                end: 12,
                quote: body.slice(0, 12),
                tag: 'seeded',
                comment: null,
                createdAt: '2026-01-01T00:00:00Z',
              },
            ],
          },
        ],
        [b, seeded(b)],
      ]),
    )
  })
  afterEach(async () => {
    await ref.library.close()
    await ref.cleanup()
  })

  it.each(COMMAND_NAMES)(
    '%s changes the library, is one undo step, and undo restores it',
    async (name) => {
      let input: unknown = INPUTS[name](ref.ids)
      if (name === 'curation:highlight-add') {
        const id = ref.ids[3]!
        const body = ref.library.getReview(id)!.body
        input = { id, start: 5, end: 25, quote: body.slice(5, 25), tag: 'passage' }
      }
      const before = await curationState(ref.dir)
      const steps = ref.library.history.entries().length
      const result = await app.dispatch(name, input)
      expect(result).toMatchObject({ ok: true })
      const after = await curationState(ref.dir)
      expect(after).not.toEqual(before)
      expect(ref.library.history.entries()).toHaveLength(steps + 1)

      await app.dispatch('history:undo', {})
      expect(await curationState(ref.dir)).toEqual(before)
      await app.dispatch('history:redo', {})
      expect(await curationState(ref.dir)).toEqual(after)
    },
  )

  it('refuses a bad request before planning, writing nothing and recording nothing', async () => {
    const before = await curationState(ref.dir)
    const steps = ref.library.history.entries().length
    const result = await app.dispatch('curation:rate', { ids: [ref.ids[0]], rating: 0 })
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } })
    const unknown = await app.dispatch('curation:keep', {
      ids: ['rv_0000000000000000'],
      kept: true,
    })
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } })
    expect(await curationState(ref.dir)).toEqual(before)
    expect(ref.library.history.entries()).toHaveLength(steps)
  })

  it('records no step for an edit that changes nothing', async () => {
    const steps = ref.library.history.entries().length
    await app.dispatch('curation:keep', { ids: [ref.ids[0]], kept: false })
    await app.dispatch('curation:untag', { ids: [ref.ids[5]], tags: ['seeded'] })
    expect(ref.library.history.entries()).toHaveLength(steps)
  })
})
