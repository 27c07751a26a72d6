import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { gateOnBodies, needsBodies } from '../../../electron/app/body-gate'
import { createApp, type App } from '../../../electron/app/create-app'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { listCacheWritten } from '../../../electron/domain/library/list-cache-keeper'
import { referenceLibrary } from '../support/reference-library'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import {
  LIST_CACHE_FILE,
  listCacheBytes,
  listCacheStamp,
  readListCache,
} from '../../../electron/domain/library/list-cache'
import { reviewFilesStamp } from '../../../electron/domain/search/review-files-stamp'

/** Bodies that load when the test says so. */
function heldBodies() {
  let release!: () => void
  let fail!: (e: Error) => void
  const done = new Promise<void>((resolve, reject) => {
    release = resolve
    fail = reject
  })
  const source = {
    bodiesLoaded: false,
    bodies: () => done,
  }
  void done.then(
    () => (source.bodiesLoaded = true),
    () => undefined,
  )
  return { source, release, fail }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 10))

describe('which requests wait for the bodies', () => {
  it('makes the reader, text queries, exports, imports and checks wait, and nothing else', () => {
    for (const c of [
      'reviews:get',
      'curation:highlight-add',
      'export:run',
      'export:copy-quote',
      'import:commit',
      'import:preview',
      'import:undo',
      'library:reparse-apply',
      'library:check',
    ])
      expect(needsBodies(c, {}), c).toBe(true)
    for (const c of [
      'curation:tag',
      'curation:rate',
      'curation:keep',
      'curation:note',
      'tags:create',
      'views:list',
      'collections:list',
      'history:undo',
      'layout:set',
      'library:info',
    ])
      expect(needsBodies(c, {}), c).toBe(false)
  })

  it('makes a query wait only when it has words to find in the text', () => {
    const query = (q: Record<string, unknown>) => ({ query: q, offset: 0, limit: 50 })
    expect(needsBodies('reviews:query', query({}))).toBe(false)
    expect(needsBodies('reviews:query', query({ q: 'rating:>=8 tag:acting' }))).toBe(false)
    expect(needsBodies('reviews:query', query({ q: 'length:>500', sort: {} }))).toBe(false)
    expect(needsBodies('reviews:query', query({ q: 'rating:>=8 gangster' }))).toBe(true)
    expect(needsBodies('reviews:query', query({ q: '-brutal' }))).toBe(true)
    expect(needsBodies('reviews:query', query({ q: '"the camera"' }))).toBe(true)
    expect(needsBodies('reviews:query', query({ text: 'refn' }))).toBe(true)
    expect(needsBodies('insights:get', { query: { q: 'refn' } })).toBe(true)
    expect(needsBodies('insights:get', { query: {} })).toBe(false)
  })

  it('makes a bulk edit aimed by a text query wait as its list would, and no other edit', () => {
    expect(needsBodies('curation:tag', { query: { q: '"the camera"' }, tags: ['x'] })).toBe(true)
    expect(needsBodies('curation:toggle-tag', { query: { text: 'refn' }, tag: 'x' })).toBe(true)
    expect(needsBodies('curation:tag', { query: { q: 'rating:>=8' }, tags: ['x'] })).toBe(false)
    expect(needsBodies('curation:tag', { ids: ['rv_1'], tags: ['x'] })).toBe(false)
  })
})

describe('gateOnBodies', () => {
  it('does not run a request that needs the bodies before they are loaded', async () => {
    const { source, release } = heldBodies()
    let ran = false
    const answer = gateOnBodies(source, 'reviews:get', { id: 'rv_1' }, async () => {
      ran = true
      return 'text'
    })
    await tick()
    expect(ran).toBe(false)
    release()
    expect(await answer).toBe('text')
    expect(ran).toBe(true)
  })

  it('runs a request that does not need them at once', async () => {
    const { source } = heldBodies()
    let ran = false
    const answer = await gateOnBodies(source, 'curation:tag', {}, async () => {
      ran = true
      return 'tagged'
    })
    expect(answer).toBe('tagged')
    expect(ran).toBe(true)
  })

  it('refuses, naming why, a request that needs bodies that could not be read', async () => {
    const { source, fail } = heldBodies()
    const answer = gateOnBodies(source, 'export:run', {}, async () => 'never')
    fail(new Error('EACCES: permission denied, open reviews/wk_1.json'))
    await expect(answer).rejects.toThrow(/review text could not be read: EACCES/)
  })
})

describe('gateOnBodies with the search index', () => {
  /** An index that answers text queries once the test says so (its file restored). */
  function heldIndex(answers: (q: string) => boolean) {
    let restored = false
    let settle!: () => void
    const index = {
      restoreTried: new Promise<void>((resolve) => (settle = resolve)),
      answersWithoutText: (query: { q?: string }) => restored && answers(query.q ?? ''),
    }
    return { index, restore: () => ((restored = true), settle()), fail: () => settle() }
  }
  const listQuery = (q: string) => ({ query: { q }, offset: 0, limit: 50 })

  it('lets a text query through as soon as the restored index answers it, text or not', async () => {
    const { source } = heldBodies()
    const { index, restore } = heldIndex(() => true)
    let ran = false
    const answer = gateOnBodies(
      source,
      'reviews:query',
      listQuery('gangster'),
      async () => (ran = true),
      () => index,
    )
    await tick()
    expect(ran).toBe(false)
    restore()
    expect(await answer).toBe(true)
    expect(source.bodiesLoaded).toBe(false)
  })

  it('keeps a query the index cannot answer (a rare-word phrase) waiting for the text', async () => {
    const { source, release } = heldBodies()
    const { index, restore } = heldIndex((q) => !q.includes('"'))
    let ran = false
    const answer = gateOnBodies(
      source,
      'insights:get',
      { query: { q: '"mikkelsen brutal"' } },
      async () => (ran = true),
      () => index,
    )
    restore()
    await tick()
    expect(ran).toBe(false)
    release()
    expect(await answer).toBe(true)
  })

  it('keeps every text query waiting when the index file is missing or stale', async () => {
    const { source, release } = heldBodies()
    const { index, fail } = heldIndex(() => true)
    let ran = false
    const answer = gateOnBodies(
      source,
      'reviews:query',
      listQuery('gangster'),
      async () => (ran = true),
      () => index,
    )
    fail()
    await tick()
    expect(ran).toBe(false)
    release()
    expect(await answer).toBe(true)
  })

  it('never asks the index about the reader, exports or anything else that needs the text', async () => {
    const { source, release } = heldBodies()
    const { index, restore } = heldIndex(() => true)
    restore()
    let ran = false
    const answer = gateOnBodies(
      source,
      'reviews:get',
      { id: 'rv_1' },
      async () => (ran = true),
      () => index,
    )
    await tick()
    expect(ran).toBe(false)
    release()
    expect(await answer).toBe(true)
  })
})

describe('the app on a staged open', () => {
  let library: Library
  let app: App
  let release: () => void
  let cleanup: () => Promise<void>
  let ids: string[]
  let dir: string
  let emitted: { event: string; payload: unknown }[]

  /** Opens the library staged with its bodies held, behind an app that records its events. */
  async function openHeld(): Promise<void> {
    const held = new Promise<void>((resolve) => (release = resolve))
    library = await openLibrary(dir, { staged: true, beforeBodies: () => held })
    emitted = []
    app = createApp({
      library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: (event, payload) => void emitted.push({ event, payload }),
    })
  }

  beforeEach(async () => {
    const ref = await referenceLibrary()
    ids = ref.ids
    cleanup = ref.cleanup
    await ref.library.close()
    const first = await openLibrary(ref.dir, { staged: true, listCacheDelayMs: 0 })
    await listCacheWritten(first)
    await first.close()
    dir = ref.dir
    await openHeld()
  })
  afterEach(async () => {
    release()
    await library.close()
    await cleanup()
  })

  it('lists and curates while the bodies load; the reader waits and then shows the text', async () => {
    expect(library.bodiesLoaded).toBe(false)
    const page = await app.dispatch('reviews:query', { query: {}, offset: 0, limit: 10 })
    expect(page).toMatchObject({ ok: true, value: { total: ids.length } })
    const tagged = await app.dispatch('curation:tag', { ids: [ids[0]], tags: ['early'] })
    expect(tagged).toMatchObject({ ok: true })
    let read: { ok: boolean; value?: unknown } | null = null
    const reader = app.dispatch('reviews:get', { id: ids[0] }).then((r) => (read = r))
    await tick()
    expect(read).toBeNull()
    release()
    await reader
    const value = (read as unknown as { value: { review: { body: string } } }).value
    expect(value.review.body.length).toBeGreaterThan(0)
    expect(value.review.body).toBe(library.getReview(ids[0]!)!.body)
    expect(library.getCuration(ids[0]!).tags).toEqual(['early'])
  })

  it('tells the window when the files, once read, disagree with the list cache', async () => {
    release()
    await library.bodies()
    await library.close()
    const file = join(dir, LIST_CACHE_FILE)
    const good = await readFile(file)
    // A cache that lies but whose stamp and checksums hold: one headline changed.
    const stamp = await reviewFilesStamp(dir)
    const listed = await readListCache(dir, stamp)
    expect(listed).not.toBeNull()
    const lying = listed!.reviews.map((r, i) =>
      i === 0
        ? { ...r, title: 'Lie', body: 'x'.repeat(listed!.bodyLengths.get(r.id)!) }
        : {
            ...r,
            body: 'x'.repeat(listed!.bodyLengths.get(r.id)!),
          },
    )
    const bytes = await listCacheBytes(listCacheStamp(stamp, lying.length), listed!.works, lying)
    await writeFile(file, bytes!)
    expect(good.equals(bytes!)).toBe(false)
    await openHeld()
    expect(library.getReview(lying[0]!.id)!.title).toBe('Lie')
    expect(emitted).toEqual([])
    release()
    await library.bodies()
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(library.getReview(lying[0]!.id)!.title).not.toBe('Lie')
    expect(emitted).toContainEqual({
      event: 'library:changed',
      payload: expect.objectContaining({ reviews: true }),
    })
  })
})
