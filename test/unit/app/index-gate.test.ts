import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../electron/app/create-app'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { listCacheWritten } from '../../../electron/domain/library/list-cache-keeper'
import { setNote } from '../../../electron/app/commands/curate'
import {
  hasEarlyIndexRead,
  indexCacheOptions,
  searchEngine,
} from '../../../electron/domain/search/engine-registry'
import { readIndexCache, writeIndexCache } from '../../../electron/domain/search/index-cache'
import { reviewFilesStamp } from '../../../electron/domain/search/review-files-stamp'
import type { SearchEngine } from '../../../electron/domain/search/search-engine'
import type { ReviewQuery } from '../../../shared/query'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from '../search/search-fixture'
import { join } from 'node:path'
import { readFile } from 'node:fs/promises'

// A staged open restores the search index from its cache file while the review text is still
// being read; the body gate lets through the text queries that index answers exactly, and only
// those. Every answer given early must be the answer given once the text is in.

let dir: string
let cleanup: () => Promise<void>
const NOTE = 'of the zeitgeist, a note'

/**
 * Queries the index answers without the text: words, a note's word, and two-word phrases led by
 * a common word whose next word (and every word it starts) is in enough reviews to keep its pairs.
 */
const EARLY = [
  'gangster',
  'father son',
  'refn -brutal',
  'zeitgeist',
  '"the film"',
  'scene -"the great"',
]
/**
 * Phrases whose candidates' text must say, so they wait for it: no common word leading, three
 * words, and a common word leading a rare one ("gzbcri" is in 38 of the generated reviews).
 */
const LATE = ['"father son"', '"the gzbcri"', '"once were warriors"', 'gangster -"of the film"']

const query = (q: string): ReviewQuery => ({ q, sort: { field: 'date', dir: 'desc' } })

beforeAll(async () => {
  const temp = await tempDir()
  dir = temp.dir
  cleanup = temp.cleanup
  const library = await openLibrary(dir, { now: steppingClock() })
  await fillLibrary(library, 1500)
  await setNote(library, library.allReviews().next().value!.id, NOTE)
  await library.close()
  // A staged open that read every file writes list-cache.bin; its engine writes the index.
  const first = await openLibrary(dir, { staged: true, listCacheDelayMs: 0 })
  const engine = searchEngine(first, { cache: indexCacheOptions(dir, 0) })
  await first.bodies()
  await listCacheWritten(first)
  await engine.ready()
  await engine.cacheWritten()
  await first.close()
}, 60_000)
afterAll(async () => {
  await cleanup()
})

describe('text queries while a staged open reads the text', () => {
  let library: Library
  let engine: SearchEngine
  let app: App
  let release: () => void
  let emitted: { event: string; payload: unknown }[]

  async function openHeld(): Promise<void> {
    const held = new Promise<void>((resolve) => (release = resolve))
    library = await openLibrary(dir, { staged: true, beforeBodies: () => held })
    // The cache options of a library this small (the app keeps no file below 5,000 reviews).
    engine = searchEngine(library, { cache: indexCacheOptions(dir, 0) })
    emitted = []
    app = createApp({
      library,
      dialogs: { chooseImportFiles: async () => [], chooseExportPath: async () => null },
      openExternal: async () => false,
      sample: { fileName: 'sample.txt', content: '' },
      emit: (event, payload) => void emitted.push({ event, payload }),
    })
  }

  /** The ids and total of a list query, or 'waiting' if it is not answered within `ms`. */
  async function ask(q: string, ms = 5000): Promise<{ total: number; ids: string[] } | 'waiting'> {
    const answer = app
      .dispatch('reviews:query', { query: query(q), offset: 0, limit: 1000 })
      .then((r) => {
        if (!r.ok) throw new Error(r.error.message)
        const page = r.value as { total: number; rows: { id: string }[] }
        return { total: page.total, ids: page.rows.map((row) => row.id) }
      })
    const timeout = new Promise<'waiting'>((resolve) => setTimeout(() => resolve('waiting'), ms))
    return Promise.race([answer, timeout])
  }

  afterEach(async () => {
    release()
    await library.close()
  })

  it('reads the index file early only when asked to (the CLI edits, never searches)', async () => {
    const early = await openLibrary(dir, { staged: true })
    expect(hasEarlyIndexRead(early)).toBe(true)
    await early.close()
    const cli = await openLibrary(dir, { staged: true, readIndexEarly: false })
    expect(hasEarlyIndexRead(cli)).toBe(false)
    await cli.close()
    // Opened by openHeld for afterEach.
    await openHeld()
  })

  it('holds a bulk tag aimed by a query the index cannot settle until the text is in', async () => {
    await openHeld()
    const phrase = LATE[1]!
    let done = false
    const tagged = app
      .dispatch('curation:tag', { query: query(phrase), tags: ['by-phrase'] })
      .then((r) => ((done = true), r))
    await new Promise((resolve) => setTimeout(resolve, 100))
    // Run now, against empty bodies, it would tag none of the reviews the phrase is in.
    expect(done).toBe(false)
    release()
    expect((await tagged).ok).toBe(true)
    const matches = await ask(phrase)
    if (matches === 'waiting') throw new Error('the query was not answered')
    expect(matches.total).toBeGreaterThan(0)
    const withTag = [...library.allReviews()]
      .filter((r) => library.getCuration(r.id).tags.includes('by-phrase'))
      .map((r) => r.id)
    expect(withTag.sort()).toEqual([...matches.ids].sort())
  })

  it('restores the index before the text is in, and knows which queries it answers', async () => {
    await openHeld()
    await engine.restoreTried
    expect(library.bodiesLoaded).toBe(false)
    expect(engine.origin).toBe('cache')
    for (const q of EARLY) expect(engine.answersWithoutText(query(q)), q).toBe(true)
    for (const q of LATE) expect(engine.answersWithoutText(query(q)), q).toBe(false)
  })

  it('answers them before the text is in exactly as after, and makes the others wait', async () => {
    await openHeld()
    const early = await Promise.all(EARLY.map((q) => ask(q)))
    const late = LATE.map((q) => {
      let answer: unknown = 'waiting'
      void ask(q, 60_000).then((a) => (answer = a))
      return () => answer
    })
    for (const [i, answer] of early.entries()) expect(answer, EARLY[i]).not.toBe('waiting')
    await new Promise((resolve) => setTimeout(resolve, 100))
    for (const [i, answer] of late.entries()) expect(answer(), LATE[i]).toBe('waiting')
    expect(library.bodiesLoaded).toBe(false)
    release()
    await library.bodies()
    const after = await Promise.all(EARLY.map((q) => ask(q)))
    expect(early).toEqual(after)
    for (const [i, answer] of late.entries()) expect(answer(), LATE[i]).not.toBe('waiting')
    expect(after.some((a) => a !== 'waiting' && a.total > 0)).toBe(true)
    // The window hears that the text is in, to ask again for the snippets.
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect(emitted).toContainEqual({
      event: 'library:changed',
      payload: expect.objectContaining({ textLoaded: true, reviews: false }),
    })
  })

  it('makes every text query wait when the index file is stale', async () => {
    const file = join(dir, 'search-index.bin')
    const good = await readFile(file)
    const stamp = `${await reviewFilesStamp(dir)}|stale`
    const current = await readIndexCache(file, readHeader(good).stamp)
    expect(current).not.toBeNull()
    await writeIndexCache(file, stamp, current!)
    try {
      await openHeld()
      await engine.restoreTried
      expect(engine.origin).not.toBe('cache')
      for (const q of EARLY) expect(engine.answersWithoutText(query(q)), q).toBe(false)
      expect(await ask('gangster', 300)).toBe('waiting')
    } finally {
      release()
      await library.bodies()
      await engine.cacheRead
      await engine.cacheWritten()
    }
  })
})

/** The JSON header of an index cache file (see index-cache.ts: 16 bytes, then the header). */
function readHeader(bytes: Buffer): { stamp: string } {
  const length = bytes.readUInt32LE(8)
  return JSON.parse(bytes.subarray(16, 16 + length).toString('utf8')) as { stamp: string }
}
