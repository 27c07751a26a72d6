import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { EventName, LibraryChanged } from '../../../shared/contract'
import { createApp, type App } from '../../../electron/app/create-app'
import { ROWS_WITH_EVENT, withChangedRows } from '../../../electron/app/changed-rows'
import {
  collectChanges,
  IDS_WITH_EVENT,
  type ChangeSource,
} from '../../../electron/app/change-events'
import type { LibraryChange } from '../../../electron/domain/library/library'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { curationBucket } from '../../../electron/domain/library/library'
import { curationOnDisk } from '../support/curation-on-disk'
import { referenceLibrary, type ReferenceLibrary } from '../support/reference-library'
import { FIXTURE } from '../support/temp-library'

describe('library:changed, one event per request after its write', () => {
  let ref: ReferenceLibrary
  let app: App
  let sent: { event: EventName; payload: unknown; ratingOnDisk?: unknown }[]

  beforeEach(async () => {
    ref = await referenceLibrary()
    sent = []
    app = createApp({
      library: ref.library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: (event, payload) => void sent.push({ event, payload }),
    })
  })
  afterEach(async () => {
    await ref.library.close()
    await ref.cleanup()
  })

  const events = () =>
    sent.filter((s) => s.event === 'library:changed').map((s) => s.payload as LibraryChanged)
  /** The events without the rows they carry (the tests of rows are below). */
  const changes = () => events().map(({ rows: _rows, ...change }) => change)

  it('names every review a bulk edit changed, in one event', async () => {
    const ids = ref.ids.slice(0, 3)
    const result = await app.dispatch('curation:rate', { ids, rating: 7 })
    expect(result.ok).toBe(true)
    expect(changes()).toEqual([{ reviews: false, curationIds: ids, meta: false }])
  })

  it('sends the event only once the change is on disk', async () => {
    const id = ref.ids[0]!
    const shard = `${curationBucket(id)}.json`
    const onDisk: Promise<unknown>[] = []
    app = createApp({
      library: ref.library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: () => void onDisk.push(curationOnDisk(ref.dir).then((c) => c[shard]?.[id])),
    })
    await app.dispatch('curation:rate', { ids: [id], rating: 4 })
    expect(onDisk).toHaveLength(1)
    expect(await onDisk[0]).toMatchObject({ myRating: 4 })
  })

  it('marks new tags and imports, and sends nothing for a read or a refused request', async () => {
    await app.dispatch('curation:tag', { ids: [ref.ids[0]!], tags: ['brand-new-tag'] })
    expect(changes()).toEqual([{ reviews: false, curationIds: [ref.ids[0]], meta: true }])
    await app.dispatch('reviews:query', { query: {}, offset: 0, limit: 10 })
    await app.dispatch('curation:rate', { ids: [ref.ids[0]!], rating: 11 })
    expect(changes()).toHaveLength(1)
    // Undo takes the tag away again, and the tag it created with it.
    await app.dispatch('history:undo', {})
    expect(changes().at(-1)).toEqual({ reviews: false, curationIds: [ref.ids[0]], meta: true })
    expect(ref.library.tags.map((t) => t.name)).not.toContain('brand-new-tag')
  })

  it('carries the changed rows as committed, the same rows a query answers', async () => {
    const ids = ref.ids.slice(0, 2)
    await app.dispatch('curation:tag', { ids, tags: ['carried'] })
    await app.dispatch('curation:keep', { ids: [ids[1]!], kept: true })
    const [tagged, kept] = events()
    const rowsNow = queryReviews(ref.library, {}, 0, 1000).rows
    const rowOf = (id: string) => rowsNow.find((r) => r.id === id)
    expect(tagged!.rows).toHaveLength(2)
    expect(tagged!.rows!.map((r) => r.tags)).toEqual([['carried'], ['carried']])
    expect(kept!.rows).toEqual([rowOf(ids[1]!)])
    expect(kept!.rows![0]).toMatchObject({ kept: true, tags: ['carried'] })
  })

  it('sends only ids for a bulk edit of more reviews than it carries rows for', async () => {
    const ids = ref.ids.slice(0, 3)
    await app.dispatch('curation:rate', { ids, rating: 3 })
    const [change] = changes()
    expect(withChangedRows(ref.library, change!, 3).rows).toHaveLength(3)
    expect(withChangedRows(ref.library, change!, 2).rows).toBeUndefined()
    // The README states this limit.
    expect(ROWS_WITH_EVENT).toBe(200)
  })

  it('tells the window an import replaced reviews, and a preview changes nothing', async () => {
    const page = (await readFile(FIXTURE, 'utf8')).replace(/Pusher II/g, 'Pusher III')
    const source = { kind: 'text', fileName: 'third.txt', content: page } as const
    const preview = await app.dispatch('import:preview', { source })
    expect(changes()).toEqual([])
    if (!preview.ok || !preview.value) throw new Error('the preview failed')
    const { previewId } = preview.value as { previewId: string }
    await app.dispatch('import:commit', { previewId })
    expect(changes()).toEqual([{ reviews: true, curationIds: [], meta: true }])
  })
})

describe('library:changed for a bulk edit', () => {
  /** A change source the test commits through by hand. */
  function fakeSource(): ChangeSource & { commit(change: LibraryChange): void } {
    const observers = new Set<(change: LibraryChange) => void>()
    return {
      observe(observer) {
        observers.add(observer)
        return () => void observers.delete(observer)
      },
      commit: (change) => observers.forEach((observer) => observer(change)),
    }
  }
  const idsFrom = (first: number, count: number) =>
    Array.from({ length: count }, (_, i) => `rv_${first + i}`)

  it('names the reviews up to the limit, and past it says only how many, once per request', () => {
    const source = fakeSource()
    const few = collectChanges(source, 3)
    source.commit({ kind: 'curation', ids: idsFrom(0, 3) })
    expect(few.stop()).toEqual({ reviews: false, curationIds: idsFrom(0, 3), meta: false })

    const many = collectChanges(source, 3)
    source.commit({ kind: 'curation', ids: idsFrom(0, 4) })
    source.commit({ kind: 'meta' })
    expect(many.stop()).toEqual({
      reviews: false,
      curationIds: [],
      manyCurations: 4,
      meta: true,
    })
  })

  it('counts a review that two commits of one request changed once', () => {
    const source = fakeSource()
    const changes = collectChanges(source, 3)
    source.commit({ kind: 'curation', ids: idsFrom(0, 3) })
    source.commit({ kind: 'curation', ids: idsFrom(2, 3) })
    expect(changes.stop()).toMatchObject({ curationIds: [], manyCurations: 5 })
  })

  it('carries no rows when it names no reviews, and keeps the limit the README states', () => {
    const source = fakeSource()
    const changes = collectChanges(source, 2)
    source.commit({ kind: 'curation', ids: idsFrom(0, 3) })
    const change = changes.stop()!
    // No library read at all: a review lookup would throw on this stand-in.
    const library = {} as Parameters<typeof withChangedRows>[0]
    expect(withChangedRows(library, change).rows).toBeUndefined()
    expect(IDS_WITH_EVENT).toBe(1000)
  })
})
