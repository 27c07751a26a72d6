import { workLabel } from '../../../shared/work-label'
import type { Collection } from '../../../shared/channels/collections'
import type { Curation, Review, Work } from '../../../shared/domain'
import type { ReviewQuery } from '../../../shared/query'
import type { LibraryChange, LibraryObserver } from '../library/library'
import { docsStamp, feedDoc } from './build-index'
import { compileQuery, type TextGroup } from './compile-query'
import { DocColumns } from './doc-columns'
import { readIndexBytes, readIndexCache, writeIndexCache } from './index-cache'
import type { IndexBytes } from './index-read-worker'
import { lookupWords } from './lead-pairs'
import { CURATED_SORT_FIELDS, fullOrder, pickInOrder, rankTitles, sortOrdinals } from './sort-order'
import { phraseBits } from './phrase-pairs'
import { SortWarmer, type SortWarmerOptions } from './sort-warmer'
import { TextIndex } from './text-index'
import { asciiPhraseRegex, fold, hasPhrase, hasWordPrefix } from './tokenize'

// Answers queries over the open library. Columns are built at once (about 100 ms for 100,000
// reviews); the text index is built afterwards in short slices between other work, so the first
// page shows at once. Until the index covers a review, full-text queries scan that review's text:
// every query is answered, and right from the start. With a cache file (see index-cache.ts) the
// index is read from disk instead when it was built from the same reviews, and written there once
// a build completes.

/** The library as the engine sees it (the Library class satisfies it). */
export interface SearchSource {
  allReviews(): Iterable<Review>
  getCuration(id: string): Curation
  /** The curation as stored, not a copy, to read only (absent: getCuration is used). */
  storedCuration?(id: string): Readonly<Curation>
  curatedIds(): Iterable<string>
  getWork(id: string): Work | undefined
  observe(observer: LibraryObserver): () => void
  /** Manual collections, for `collection` queries (absent: there are none). */
  readonly collections?: readonly Collection[]
  /** False while a staged open has not read the bodies yet (absent: they are all there). */
  readonly bodiesLoaded?: boolean
  /** Resolves once every body is there. */
  bodies?(): Promise<void>
  /** The body's length, known before the body itself in a staged open. */
  bodyLength?(review: Review): number
}

export interface EngineOptions {
  /** Time one indexing slice may take before yielding to other work. */
  sliceMs?: number
  /** Reviews per index segment; the rest is found by the fallback scan until a segment is sealed. */
  batchSize?: number
  /** How the next slice is scheduled (tests pass a manual scheduler). */
  schedule?: (run: () => void) => void
  /** Where the index is persisted between sessions; without it the index is built on every open. */
  cache?: IndexCacheOptions
  /** Builds the sort orders ahead of the first sort by each field (false: only on demand). */
  warm?: SortWarmerOptions | false
  /** The cache file's read when an open started it before the engine (engine-registry.ts). */
  early?: EarlyIndexRead
}

export interface EarlyIndexRead {
  bytes: Promise<IndexBytes | null>
  /**
   * The review files' stamp the staged open listed the reviews by: while their text is still
   * being read no commit can have changed them, so it saves stamping the files again (statting
   * hundreds of files, whose awaits let the body reads run in between).
   */
  filesStamp: string | null
}

export interface IndexCacheOptions {
  file: string
  /** Identifies the stored review files the index is derived from (e.g. their sizes and times). */
  stamp: () => Promise<string>
  /** Smaller libraries are indexed in moments: no file is read or written for them. */
  minReviews?: number
  /**
   * Builds the cache file off this thread (a worker) when it is missing or stale; resolves to
   * whether it did. Null or false: the index is built here, in slices, as without a cache.
   */
  buildElsewhere?: () => Promise<boolean> | null
}

/**
 * How an open got its index: read from the cache file, built by a worker into it and then read,
 * or built here (no cache, or the worker could not); pending until one of them is done.
 */
export type IndexOrigin = 'cache' | 'worker' | 'built' | 'pending'

const CACHE_SIZE = 16
/**
 * A query picking at least this share of the reviews filters a cached full sort order instead of
 * sorting its picks: one pass over 100,000 ordinals beats sorting more than a few thousand.
 */
const ORDER_SHARE = 1 / 32

export class SearchEngine {
  cols = new DocColumns()
  index = new TextIndex()
  private version = 0
  private readonly cache = new Map<string, Uint32Array>()
  private titleRanks: Int32Array | null = null
  /** Scratch for the reviews a query picks (see run). */
  private picks = new Uint32Array(0)
  /** Every ordinal in the order of a sort ('field:dir'), built on first use; see ORDER_SHARE. */
  private readonly orders = new Map<string, Uint32Array>()
  private buildScheduled = false
  private disposed = false
  private waiters: (() => void)[] = []
  private readonly unsubscribe: () => void
  private readonly sliceMs: number
  private readonly batchSize: number
  private readonly schedule: (run: () => void) => void
  private readonly cacheOptions: IndexCacheOptions | undefined
  /** Bumped whenever the columns start afresh: ordinals of an older generation mean nothing. */
  private generation = 0
  /** While the cache file is read, nothing is built (queries scan meanwhile). */
  private cacheLoading = false
  /** Reviews were indexed since the cache was read or written: worth writing it again. */
  private fedSinceSave = false
  private saving: Promise<void> = Promise.resolve()
  private readonly warmer: SortWarmer | null
  origin: IndexOrigin = 'pending'
  /** Time from this engine's start until its index was read from the cache file (the bench). */
  cacheLoadMs: number | null = null
  private readonly started = performance.now()
  /**
   * Settles once the index's source is settled: read from the cache file, built by a worker and
   * read, or (the file missing, stale or damaged) being built here.
   */
  readonly cacheRead: Promise<void> = Promise.resolve()
  /** Settles once the cache file was read into the index, or found missing, stale or damaged. */
  readonly restoreTried: Promise<void> = Promise.resolve()

  constructor(
    private readonly source: SearchSource,
    options: EngineOptions = {},
  ) {
    this.sliceMs = options.sliceMs ?? 12
    this.batchSize = options.batchSize ?? 8192
    this.schedule = options.schedule ?? ((run) => void setImmediate(run))
    const cache = options.cache
    this.cacheOptions = cache
    // Read while the columns are built (or since the open began: options.early), so the file's
    // read costs this thread nothing.
    const bytes = cache ? (options.early?.bytes ?? readIndexBytes(cache.file)) : null
    const filesStamp = options.early?.filesStamp ?? null
    this.warmer =
      options.warm === false
        ? null
        : new SortWarmer(
            {
              columns: () => this.cols,
              // Only an index built on this thread competes with it; while the cache file is
              // read or a worker builds it (minutes, for a stale cache at 100,000), this thread
              // is free.
              busy: () => !this.indexed && !this.cacheLoading,
              titleRanks: () => this.titleRanks,
              setTitleRanks: (ranks) => (this.titleRanks = ranks),
              order: (key) => this.orders.get(key),
              setOrder: (key, order) => this.orders.set(key, order),
            },
            options.warm,
          )
    this.load()
    this.unsubscribe = source.observe((change) => this.apply(change))
    const bodies = source.bodiesLoaded === false && source.bodies ? source.bodies() : null
    const useCache = cache && bytes && this.cols.size >= (cache.minReviews ?? 0)
    if (bodies || useCache) {
      this.cacheLoading = true
      // The cached index needs no text (its stamp takes the bodies' lengths from the columns),
      // so it is restored while a staged open still reads the bodies: text queries it answers
      // exactly go through electron/app/body-gate.ts before the text is in.
      this.restoreTried = useCache ? this.readCache(cache, bytes, filesStamp) : Promise.resolve()
      this.cacheRead = this.restoreTried
        .then(async () => {
          // Without the bodies there is nothing to build from: built once they are in.
          if (this.origin !== 'cache') await bodies?.catch(() => undefined)
          if (useCache) await this.workerBuild(cache)
        })
        .finally(() => {
          this.cacheLoading = false
          this.kick()
          this.flushWaiters()
        })
    }
  }

  /**
   * Whether `query` is answered exactly without any review's text: every review is in the index
   * and every phrase is settled by its lead-word pairs (TextIndex.settlesPhrase). Other phrases
   * read the text of their candidates, and reviews beyond the index are scanned.
   */
  answersWithoutText(query: ReviewQuery): boolean {
    if (this.cacheLoading && this.origin !== 'cache') return false
    if (this.index.indexedUpTo !== this.cols.size) return false
    let plan: ReturnType<typeof compileQuery>
    try {
      plan = compileQuery(this.cols, this.workTitle, query, this.source.collections ?? [])
    } catch {
      // Refused whenever it is asked: the text changes nothing.
      return true
    }
    const groups = [...plan.include, ...plan.exclude]
    return groups.every((g) => !g.phrase || this.index.settlesPhrase(g.words))
  }

  /** The stamp of the current reviews in ordinal order: the file stamp, their ids and lengths. */
  private async stampNow(
    cache: IndexCacheOptions,
    filesStamp: string | null = null,
  ): Promise<string | null> {
    if (this.cols.deadCount > 0) return null
    const files =
      filesStamp !== null && this.source.bodiesLoaded === false ? filesStamp : await cache.stamp()
    const { length } = this.cols
    const docs = docsStamp(this.cols.docs as Review[], (o) => length[o]!)
    return `${files}|${docs}`
  }

  /** Reads the cache file (or `bytes`, its contents read earlier) into the index if it is current. */
  private async readCache(
    cache: IndexCacheOptions,
    bytes?: Promise<IndexBytes | null>,
    filesStamp: string | null = null,
  ): Promise<void> {
    const generation = this.generation
    try {
      const stamp = await this.stampNow(cache, filesStamp)
      const snapshot = stamp === null ? null : await readIndexCache(cache.file, stamp, bytes)
      if (!snapshot || generation !== this.generation || this.index.fedUpTo !== 0) return
      this.index = TextIndex.restore(snapshot)
      this.origin = 'cache'
      this.cacheLoadMs = performance.now() - this.started
      this.cache.clear()
    } catch {
      // Derived data: whatever went wrong, the index is built from the reviews instead.
    }
  }

  /** On a cache miss, has a worker build the file, then reads it; queries scan meanwhile. */
  private async workerBuild(cache: IndexCacheOptions): Promise<void> {
    if (this.origin !== 'pending' || !cache.buildElsewhere || this.disposed) return
    let built = false
    try {
      built = (await cache.buildElsewhere()) ?? false
    } catch {
      // No worker: built here instead.
    }
    if (!built || this.disposed) return
    await this.readCache(cache, readIndexBytes(cache.file))
    // readCache sets the origin; TypeScript cannot see that through the await.
    if ((this.origin as IndexOrigin) === 'cache') this.origin = 'worker'
  }

  private writeCache(): void {
    const cache = this.cacheOptions
    if (!cache || this.disposed || !this.fedSinceSave) return
    if (this.cols.size < (cache.minReviews ?? 0)) return
    this.fedSinceSave = false
    const index = this.index
    this.saving = this.saving.then(async () => {
      try {
        const stamp = await this.stampNow(cache)
        const snapshot = index.snapshot()
        // Reviews changed while stamping: the next completed build writes it instead.
        if (stamp === null || !snapshot || snapshot.upTo !== this.cols.size || index !== this.index)
          return
        await writeIndexCache(cache.file, stamp, snapshot)
      } catch {
        // Not written: the next open builds the index again, and nothing else is lost.
      }
    })
  }

  /** Resolves once the last cache write (if any) has finished. */
  cacheWritten(): Promise<void> {
    return this.saving
  }

  private flushWaiters(): void {
    if (!this.indexed || this.cacheLoading) return
    const waiters = this.waiters
    this.waiters = []
    for (const resolve of waiters) resolve()
  }

  private load(): void {
    this.generation++
    this.cols = new DocColumns()
    this.index = new TextIndex()
    const { source } = this
    const curated = new Set(source.curatedIds())
    for (const review of source.allReviews()) {
      this.cols.add(
        review,
        curated.has(review.id) ? source.getCuration(review.id) : undefined,
        source.bodyLength?.(review),
      )
    }
    this.changed()
  }

  /** Whether every review is in the text index. */
  get indexed(): boolean {
    return this.index.indexedUpTo === this.cols.size
  }

  /** Resolves once the text index covers every review. */
  ready(): Promise<void> {
    if (this.indexed && !this.cacheLoading) return Promise.resolve()
    return new Promise((resolve) => this.waiters.push(resolve))
  }

  /** Forgets cached results (the bench measures uncached queries, as each keystroke is). */
  clearCache(): void {
    this.cache.clear()
  }

  dispose(): void {
    this.disposed = true
    this.warmer?.stop()
    this.unsubscribe()
  }

  private changed(reviews = true): void {
    this.version++
    this.cache.clear()
    if (reviews) {
      this.titleRanks = null
      this.orders.clear()
      this.warmer?.restart()
    }
    this.kick()
  }

  /** Curation changed: the orders whose keys read curation columns are stale. */
  private curationChanged(): void {
    for (const field of CURATED_SORT_FIELDS) {
      this.orders.delete(`${field}:asc`)
      this.orders.delete(`${field}:desc`)
    }
    this.warmer?.restart()
    this.changed(false)
  }

  private apply(change: LibraryChange): void {
    if (change.kind === 'closed') {
      // Nothing will be asked any more: stop building (a command-line run can exit at once).
      this.disposed = true
      this.warmer?.stop()
      this.unsubscribe()
      return
    }
    if (change.kind === 'meta') {
      // Tag names, views and collections live in library.json; cached answers may name them.
      this.changed(false)
      return
    }
    if (change.kind === 'curation') {
      // Read, not copied: a bulk edit passes 100,000 ids here.
      const source = this.source
      const byId = this.cols.ordinalById
      for (const id of change.ids) {
        const o = byId.get(id)
        if (o === undefined) continue
        this.cols.setCuration(o, source.storedCuration?.(id) ?? source.getCuration(id))
      }
      this.curationChanged()
      return
    } else {
      for (const review of change.removed) this.cols.remove(review.id)
      for (const review of change.added) {
        this.cols.remove(review.id)
        this.cols.add(review, this.source.getCuration(review.id))
      }
      // Replaced reviews leave dead ordinals behind; once they are a third, start afresh.
      if (this.cols.deadCount > 1000 && this.cols.deadCount * 3 > this.cols.size) {
        this.load()
        return
      }
    }
    this.changed()
  }

  private kick(): void {
    if (this.buildScheduled || this.indexed || this.disposed || this.cacheLoading) return
    this.buildScheduled = true
    this.schedule(() => this.buildSlice())
  }

  /** Indexes reviews for up to sliceMs, then yields; seals a segment every batchSize reviews. */
  private buildSlice(): void {
    this.buildScheduled = false
    // Reading the cache file decides whether there is anything to build; it kicks again after.
    if (this.disposed || this.cacheLoading) return
    const { cols, index } = this
    const deadline = performance.now() + this.sliceMs
    let since = 0
    while (index.fedUpTo < cols.size) {
      const o = index.fedUpTo
      feedDoc(index, o, cols.docs[o] ?? null, this.batchSize)
      this.fedSinceSave = true
      if (++since % 32 === 0 && performance.now() >= deadline) break
    }
    if (index.fedUpTo === cols.size) {
      index.seal()
      // A few dozen segments are searched about as fast as one (a 100,000-review library makes
      // 13), and merging them blocks for a while, so only many imports later lead to a merge.
      if (index.segmentCount > 24) index.merge()
      if (this.origin === 'pending') this.origin = 'built'
      this.flushWaiters()
      this.writeCache()
    }
    this.kick()
  }

  private docText(o: number): string | null {
    const d = this.cols.docs[o]
    return d ? fold(`${d.title}\n${d.author}\n${d.body}`) : null
  }

  private workTitle = (workId: string): string => {
    const w = this.source.getWork(workId)
    return w ? workLabel(w) : ''
  }

  /** Ordinals of the reviews `query` selects, in its order. Throws BadInputError on a bad `q`. */
  run(query: ReviewQuery): Uint32Array {
    const key = JSON.stringify(query)
    const hit = this.cache.get(key)
    if (hit) return hit
    const plan = compileQuery(this.cols, this.workTitle, query, this.source.collections ?? [])
    const { alive, size } = this.cols
    const words = [...new Set(plan.include.flatMap((g) => lookupWords(g.words, g.phrase)))]
    const matched = words.length > 0 ? this.withAllWords(words) : null
    const filters = plan.filters
    // The picks go to a typed array kept between queries: a growing number[] of up to 100,000
    // entries per query filled the young generation, and its collections were the slow queries.
    if (this.picks.length < size) this.picks = new Uint32Array(size)
    const picks = this.picks
    let count = 0
    const nf = filters.length
    for (let o = 0; o < size; o++) {
      if (matched ? matched[o] !== 1 : alive[o] !== 1) continue
      let f = 0
      while (f < nf && filters[f]!(o)) f++
      if (f === nf) picks[count++] = o
    }
    const keep = (test: (o: number) => boolean) => {
      let k = 0
      for (let i = 0; i < count; i++) if (test(picks[i]!)) picks[k++] = picks[i]!
      count = k
    }
    // Phrases are checked last, on the few reviews left: it may read their text.
    for (const g of plan.include) if (g.phrase) keep(this.phraseFilter(g))
    for (const g of plan.exclude) {
      const out = this.withAllWords(g.words)
      const test = g.phrase ? this.phraseFilter(g) : () => true
      keep((o) => out[o] !== 1 || !test(o))
    }
    const picked = picks.subarray(0, count)
    const result = this.inOrder(picked, query.sort, plan.collectionOrder)
    if (this.cache.size >= CACHE_SIZE) this.cache.delete(this.cache.keys().next().value!)
    this.cache.set(key, result)
    return result
  }

  /** `picked` (ascending ordinals) in the order of `sort`; a new array. */
  private inOrder(
    picked: Uint32Array,
    sort: ReviewQuery['sort'],
    collectionOrder: ReadonlyMap<number, number> | undefined,
  ): Uint32Array {
    const titleRank = () => this.titleRank()
    if (!sort || picked.length < this.cols.size * ORDER_SHARE)
      return sortOrdinals(this.cols, picked, sort, titleRank, collectionOrder)
    const key = `${sort.field}:${sort.dir}`
    let order = this.orders.get(key)
    if (!order) {
      order = fullOrder(this.cols, sort, titleRank)
      this.orders.set(key, order)
    }
    const marks = new Uint8Array(this.cols.size)
    for (let i = 0; i < picked.length; i++) marks[picked[i]!] = 1
    return pickInOrder(order, marks, picked.length)
  }

  review(o: number): Review {
    return this.cols.docs[o]!
  }

  private titleRank(): Int32Array {
    return (this.titleRanks ??= rankTitles(this.cols))
  }

  /**
   * Marks (1) the alive reviews having every word (as a word prefix) in their text or the user's
   * note. The mark counts the words found so far: word i only promotes reviews that had 0..i-1.
   */
  private withAllWords(words: string[]): Uint8Array {
    const { cols, index } = this
    const n = cols.size
    const indexed = index.indexedUpTo
    const marks = new Uint8Array(n)
    const ordered = [...words].sort((a, b) => index.cost(a) - index.cost(b))
    ordered.forEach((word, i) => {
      const next = i + 1
      index.markPrefix(word, marks, i, next)
      for (const [o, note] of cols.notes) {
        if (o < indexed && marks[o] === i && hasWordPrefix(note, word)) marks[o] = next
      }
    })
    const all = ordered.length
    // Reviews not in the index yet are scanned, so results are complete while it builds.
    for (let o = indexed; o < n; o++) {
      const text = this.docText(o)
      if (text === null) continue
      const note = cols.notes.get(o)
      const found = ordered.every(
        (w) => hasWordPrefix(text, w) || (note !== undefined && hasWordPrefix(note, w)),
      )
      if (found) marks[o] = all
    }
    for (let o = 0; o < n; o++) marks[o] = marks[o] === all && cols.alive[o] === 1 ? 1 : 0
    return marks
  }

  /**
   * Whether a review holds the phrase. Reviews in the index without a note are first looked up in
   * its lead-word pairs, which settle a two-word phrase starting with a common word outright.
   */
  private phraseFilter(g: TextGroup): (o: number) => boolean {
    const test = this.phraseTest(g)
    const pairs = this.index.leadPairDocs(g.words)
    if (!pairs) return test
    const { marks, exact } = pairs
    const { notes } = this.cols
    const covered = marks.length
    return (o) => {
      if (o >= covered) return test(o)
      const mark = marks[o]
      // 2: the pair may be there (a rare next word's pairs are not kept); the text says.
      if (mark === 2) return test(o)
      if (mark === 1) return exact || test(o)
      // The text lacks the pair, so only the user's note can hold the phrase: no text is read,
      // which lets a settled phrase be answered before a staged open has read the bodies.
      const note = notes.get(o)
      return note !== undefined && hasPhrase(note, g.words)
    }
  }

  /**
   * Whether a review holds the phrase: its pair filter first, then regexes over its raw text, and
   * only when they cannot settle it its folded text (folding a review costs more than the rest).
   */
  private phraseTest(g: TextGroup): (o: number) => boolean {
    const bits = phraseBits(g.words)
    const regex = asciiPhraseRegex(g.words)
    const strict = asciiPhraseRegex(g.words, true)
    const inRaw = (re: RegExp, d: Review) =>
      re.test(d.title) || re.test(d.body) || re.test(d.author)
    const inNote = (note: string | undefined) => note !== undefined && hasPhrase(note, g.words)
    return (o) => {
      const d = this.cols.docs[o]
      if (!d) return false
      const note = this.cols.notes.get(o)
      if (note === undefined && !this.index.mayHavePhrase(o, bits)) return false
      if (this.index.hasAsciiWords(o)) return (regex !== null && inRaw(regex, d)) || inNote(note)
      if (strict !== null && inRaw(strict, d)) return true
      return (
        hasPhrase(fold(d.title), g.words) ||
        hasPhrase(fold(d.body), g.words) ||
        hasPhrase(fold(d.author), g.words) ||
        (note !== undefined && hasPhrase(note, g.words))
      )
    }
  }
}
