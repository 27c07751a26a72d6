import { readFile, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import {
  indexCacheOptions,
  reviewFilesStamp,
} from '../../../electron/domain/search/engine-registry'
import {
  INDEX_CACHE_VERSION,
  readIndexBytes,
  readIndexCache,
  writeIndexCache,
} from '../../../electron/domain/search/index-cache'
import { SearchEngine, type IndexCacheOptions } from '../../../electron/domain/search/search-engine'
import { TextIndex, type IndexSnapshot } from '../../../electron/domain/search/text-index'
import { feedDoc, indexDocs } from '../../../electron/domain/search/build-index'
import { setNote } from '../../../electron/app/commands/curate'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from './search-fixture'

let library: Library
let dir: string
let cleanup: () => Promise<void>

beforeAll(async () => {
  const temp = await tempDir()
  dir = temp.dir
  cleanup = temp.cleanup
  library = await openLibrary(dir, { now: steppingClock() })
  await fillLibrary(library, 1500)
  const first = library.allReviews().next().value!
  await setNote(library, first.id, 'a zeitgeist note')
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

const QUERIES = [
  'the',
  'gangster',
  'mik',
  'sorensen',
  'cafe',
  'father son',
  'z',
  'refn -brutal',
  '"the camera"',
  '"once were warriors"',
  'zeitgeist',
  'qqqq',
]

/** An engine whose index is built only when the test says so, with the cache `cache`. */
function engineWith(cache?: IndexCacheOptions) {
  const pending: (() => void)[] = []
  const engine = new SearchEngine(library, {
    schedule: (run) => pending.push(run),
    batchSize: 400,
    sliceMs: 1e9,
    cache,
  })
  const build = async () => {
    await engine.cacheRead
    while (pending.length > 0) pending.shift()!()
    await engine.cacheWritten()
  }
  return { engine, build }
}

const answers = (engine: SearchEngine) =>
  QUERIES.map((q) => Array.from(engine.run({ q }), (o) => engine.review(o).id))

/** Where an engine opened on the cache `file` with `stamp` gets its index from. */
async function originWith(file: string, stamp: string) {
  const { engine } = engineWith({ file, stamp: () => Promise.resolve(stamp) })
  await engine.cacheRead
  engine.dispose()
  return engine.origin
}

const cacheIn = (name: string, stamp: string): IndexCacheOptions => ({
  file: join(dir, name),
  stamp: () => Promise.resolve(stamp),
})

/** A snapshot with its arrays as base64 text, so two compare quickly field by field. */
const text = (a: Uint8Array | Uint32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64')
const plain = (s: IndexSnapshot) => ({
  ...s,
  pairs: text(s.pairs),
  asciiWords: text(s.asciiWords),
  leadDropped: text(s.leadDropped),
  segments: s.segments.map((g) => ({
    termIds: g.termIds && text(g.termIds),
    offsets: text(g.offsets),
    postings: text(g.postings),
  })),
  leadSegments: s.leadSegments.map((g) => ({
    keys: text(g.keys),
    offsets: text(g.offsets),
    postings: text(g.postings),
  })),
})

describe('the persisted search index', () => {
  let fresh: string[][]
  let freshSnapshot: IndexSnapshot

  beforeAll(async () => {
    const { engine, build } = engineWith()
    await build()
    fresh = answers(engine)
    freshSnapshot = engine.index.snapshot()!
    engine.dispose()
    expect(fresh.filter((a) => a.length > 0).length).toBeGreaterThan(8)
  })

  it('reads back exactly what a fresh build holds', async () => {
    const file = join(dir, 'round-trip.bin')
    await writeIndexCache(file, 'stamp-1', freshSnapshot)
    const read = await readIndexCache(file, 'stamp-1')
    expect(read).not.toBeNull()
    expect(plain(read!)).toEqual(plain(freshSnapshot))
  })

  it('is written after a build and answers every query as a fresh build does', async () => {
    const cache = cacheIn('answers.bin', 'A')
    const first = engineWith(cache)
    await first.build()
    expect(first.engine.origin).toBe('built')
    expect((await stat(cache.file)).size).toBeGreaterThan(0)
    first.engine.dispose()

    const second = engineWith(cache)
    await second.engine.cacheRead
    expect(second.engine.origin).toBe('cache')
    expect(second.engine.indexed).toBe(true)
    await second.engine.ready()
    expect(answers(second.engine)).toEqual(fresh)
    second.engine.dispose()
  })

  it('is rebuilt when its stamp is not the reviews’ stamp', async () => {
    const file = join(dir, 'stale.bin')
    const old = engineWith({ file, stamp: () => Promise.resolve('before') })
    await old.build()
    old.engine.dispose()

    const now = engineWith({ file, stamp: () => Promise.resolve('after') })
    await now.engine.cacheRead
    expect(now.engine.origin).toBe('pending')
    expect(now.engine.indexed).toBe(false)
    await now.build()
    expect(now.engine.origin).toBe('built')
    expect(answers(now.engine)).toEqual(fresh)
    now.engine.dispose()
    // Rewritten with the new stamp; the old one no longer reads.
    expect(await originWith(file, 'after')).toBe('cache')
    expect(await originWith(file, 'before')).toBe('pending')
  })

  it('is discarded and rebuilt when the file is damaged or cut short', async () => {
    const file = join(dir, 'damaged.bin')
    await writeIndexCache(file, 'D', freshSnapshot)
    const bytes = await readFile(file)
    const flipped = Buffer.from(bytes)
    const at = Math.floor(bytes.length * 0.6)
    flipped[at] = flipped[at]! ^ 0x10
    await writeFile(file, flipped)
    expect(await readIndexCache(file, 'D')).toBeNull()
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)))
    expect(await readIndexCache(file, 'D')).toBeNull()
    await writeFile(file, 'not an index')
    expect(await readIndexCache(file, 'D')).toBeNull()

    await writeFile(file, flipped)
    const { engine, build } = engineWith({ file, stamp: () => Promise.resolve('D') })
    await build()
    expect(engine.origin).toBe('built')
    expect(answers(engine)).toEqual(fresh)
    engine.dispose()
    expect(await originWith(file, 'D')).toBe('cache')
  })

  it('ignores a file of an older format version and rebuilds it in the current one', async () => {
    const file = join(dir, 'old-version.bin')
    await writeIndexCache(file, 'V', freshSnapshot)
    const bytes = await readFile(file)
    expect(bytes.readUInt32LE(4)).toBe(INDEX_CACHE_VERSION)
    const old = Buffer.from(bytes)
    old.writeUInt32LE(INDEX_CACHE_VERSION - 1, 4)
    await writeFile(file, old)
    expect(await readIndexCache(file, 'V')).toBeNull()

    const { engine, build } = engineWith({ file, stamp: () => Promise.resolve('V') })
    await build()
    expect(engine.origin).toBe('built')
    expect(answers(engine)).toEqual(fresh)
    engine.dispose()
    expect((await readFile(file)).readUInt32LE(4)).toBe(INDEX_CACHE_VERSION)
    expect(await originWith(file, 'V')).toBe('cache')
  })

  it('has its checksums checked by a worker thread, which vouches only for intact bytes', async () => {
    const file = join(dir, 'worker-sums.bin')
    await writeIndexCache(file, 'W', freshSnapshot)
    const good = await readIndexBytes(file)
    expect(good?.sumsChecked).toBe(true)
    expect(plain((await readIndexCache(file, 'W', Promise.resolve(good)))!)).toEqual(
      plain(freshSnapshot),
    )
    const bytes = await readFile(file)
    for (const at of [13, 200, Math.floor(bytes.length * 0.6), bytes.length - 1]) {
      const damaged = Buffer.from(bytes)
      damaged[at] = damaged[at]! ^ 0x04
      await writeFile(file, damaged)
      const read = await readIndexBytes(file)
      expect(read?.sumsChecked, `byte ${at}`).toBe(false)
      expect(await readIndexCache(file, 'W', Promise.resolve(read)), `byte ${at}`).toBeNull()
    }
    expect(await readIndexBytes(join(dir, 'no-such-file.bin'))).toBeNull()
  })

  it('notices a change to any one byte of the file, in its header or any section', async () => {
    const file = join(dir, 'every-byte.bin')
    await writeIndexCache(file, 'E', freshSnapshot)
    const bytes = await readFile(file)
    expect(await readIndexCache(file, 'E')).not.toBeNull()
    // About 120 places spread over the file, and the first and last bytes.
    const step = Math.max(1, Math.floor(bytes.length / 120))
    const places = [0, 13, bytes.length - 1]
    for (let at = 16; at < bytes.length; at += step) places.push(at)
    for (const at of places) {
      const damaged = Buffer.from(bytes)
      damaged[at] = damaged[at]! ^ (1 << (at % 8))
      await writeFile(file, damaged)
      expect(await readIndexCache(file, 'E'), `byte ${at} of ${bytes.length}`).toBeNull()
    }
  })

  it('goes on indexing new reviews after a restore as a fresh index does', () => {
    const docs = [...library.allReviews()]
    const extra = [
      { id: 'new-1', title: 'Quuxly new words', author: 'Zed Author', body: 'the gangster quux' },
      { id: 'new-2', title: 'Another', author: 'Ann', body: 'quuxlike and sørensen' },
    ]
    const whole = indexDocs([...docs, ...extra])
    const restored = TextIndex.restore(indexDocs(docs).snapshot()!)
    extra.forEach((d, i) => feedDoc(restored, docs.length + i, d, 400))
    restored.seal()
    const n = docs.length + extra.length
    for (const word of ['quux', 'quuxly', 'zed', 'the', 'gangster', 'soren', 'an', 'q']) {
      const expected = new Uint8Array(n)
      const actual = new Uint8Array(n)
      whole.markPrefix(word, expected, 0, 1)
      restored.markPrefix(word, actual, 0, 1)
      expect(Array.from(actual), word).toEqual(Array.from(expected))
      expect(actual.some((m) => m === 1)).toBe(true)
    }
  })

  it('answers the same once its segments are merged into one, words and lead-word pairs', () => {
    const docs = [...library.allReviews()]
    const segmented = indexDocs(docs, 100)
    const split = TextIndex.restore(segmented.snapshot()!)
    // indexDocs merges; an index fed in slices keeps its segments until there are many.
    const unmerged = new TextIndex()
    docs.forEach((d, o) => feedDoc(unmerged, o, d, 100))
    unmerged.seal()
    expect(unmerged.segmentCount).toBeGreaterThan(5)
    expect(split.segmentCount).toBe(1)
    expect(segmented.snapshot()!.leadSegments.length).toBe(1)
    const n = docs.length
    for (const word of ['the', 'gangster', 'mik', 'soren', 'a', 'q', 'zeitgeist', 'camera']) {
      const expected = new Uint8Array(n)
      const actual = new Uint8Array(n)
      unmerged.markPrefix(word, expected, 0, 1)
      split.markPrefix(word, actual, 0, 1)
      expect(Array.from(actual), word).toEqual(Array.from(expected))
    }
    // A merge keeps the pairs of common next words (marked 1, certain) and drops those of rare
    // ones: their documents are marked 2, for the phrase test to read.
    let maybes = 0
    const phrases = [
      ['the', 'camera'],
      ['a', 'film'],
      ['the', 'c'],
      ['of', 'the'],
      ['the', 'q'],
    ]
    for (const phrase of phrases) {
      const before = unmerged.leadPairDocs(phrase)!.marks
      const after = split.leadPairDocs(phrase)!.marks
      expect(
        before.some((m) => m === 1),
        phrase.join(' '),
      ).toBe(true)
      for (let o = 0; o < n; o++) {
        if (before[o] === 1) expect(after[o], `${phrase.join(' ')} at ${o}`).toBeGreaterThan(0)
        if (after[o] === 1) expect(before[o], `${phrase.join(' ')} at ${o}`).toBe(1)
        if (after[o] === 2) maybes++
      }
    }
    expect(maybes).toBeGreaterThan(0)
    expect(split.stats().bytes).toBeLessThan(unmerged.stats().bytes)
  })

  it('answers from the reviews (a scan) while the cache file is still being read', async () => {
    let release = () => {}
    const gate = new Promise<void>((resolve) => (release = resolve))
    const file = join(dir, 'answers.bin')
    const { engine } = engineWith({ file, stamp: () => gate.then(() => 'A') })
    expect(engine.indexed).toBe(false)
    expect(answers(engine)).toEqual(fresh)
    release()
    await engine.cacheRead
    expect(engine.origin).toBe('cache')
    engine.clearCache()
    expect(answers(engine)).toEqual(fresh)
    engine.dispose()
  })

  it('is built by a worker thread when missing, then read by the engine', async () => {
    // The worker reads the files in the order a fresh open lists the reviews: reopen, so the
    // library's order is that one (in the session that imported them it is import order).
    await library.close()
    library = await openLibrary(dir, { now: steppingClock() })
    const options = indexCacheOptions(dir, 0)
    await rm(options.file, { force: true })
    const engine = new SearchEngine(library, { cache: options })
    // While the worker builds, queries are answered by a scan (in the reopened order).
    expect(engine.indexed).toBe(false)
    const scanned = answers(engine)
    expect(scanned.map((ids) => [...ids].sort())).toEqual(fresh.map((ids) => [...ids].sort()))
    await engine.ready()
    expect(engine.origin).toBe('worker')
    expect(engine.indexed).toBe(true)
    engine.clearCache()
    expect(answers(engine)).toEqual(scanned)
    engine.dispose()
    const again = engineWith(options)
    await again.engine.cacheRead
    expect(again.engine.origin).toBe('cache')
    again.engine.dispose()
    // A worker starts a fresh runtime (here compiling TypeScript): slow on a loaded machine.
  }, 180_000)

  it('stamps the review files: an import that rewrites one changes the stamp', async () => {
    const before = await reviewFilesStamp(dir)
    const work = library.getWork(library.allReviews().next().value!.workId)!
    const reviews = [...library.allReviews()].filter((r) => r.workId === work.id)
    await library.saveWorkReviews(work, [
      ...reviews,
      { ...reviews[0]!, id: `${reviews[0]!.id}x`, title: 'A newly imported headline' },
    ])
    expect(await reviewFilesStamp(dir)).not.toBe(before)
  })
})
