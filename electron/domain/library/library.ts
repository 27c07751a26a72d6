import { join } from 'node:path'
import type { WorkspaceLayout } from '../../../shared/channels/layout'
import type { Collection } from '../../../shared/channels/collections'
import type { SavedView } from '../../../shared/channels/views'
import type { Curation, ImportRecord, Review, Tag, Work } from '../../../shared/domain'
import { History } from '../history/history'
import type { CurationFile, LibraryFile, ReviewsFile } from '../store/schema'
import type { StoreFile } from '../store/store-file'
import { CuratorError } from '../errors'
import { IncompleteCommitError, type FileWrite } from '../store/transaction'
import { backupFailedNotice } from '../store/backups'
import type { ListedReviews } from './list-cache'
import { BodyLoading, sameListedReviews, takeListedFile } from './staged-bodies'
import {
  UncertainAppendError,
  type CurationLog,
  type LogGroup,
  type LogItems,
  type LogRecord,
} from '../store/curation-log'

export const emptyCuration = (): Curation => ({
  tags: [],
  note: null,
  myRating: null,
  kept: false,
  reviewed: false,
  highlights: [],
  bylineCorrection: null,
  updatedAt: '',
})

const EMPTY_CURATION: Readonly<Curation> = Object.freeze(emptyCuration())

/** Files written before a field existed lack it; reading fills in its empty value. */
export const normaliseCuration = (c: Partial<Curation>): Curation => ({ ...emptyCuration(), ...c })

export const isEmptyCuration = (c: Curation): boolean =>
  c.tags.length === 0 &&
  c.note === null &&
  c.myRating === null &&
  !c.kept &&
  !c.reviewed &&
  c.highlights.length === 0 &&
  c.bylineCorrection === null

/** Curation files are bucketed by two hex digits of the review id: 256 small files. */
export const curationBucket = (reviewId: string): string => reviewId.slice(3, 5)

/** What changed in the library, for in-memory indexes (e.g. search) that follow it. */
export type LibraryChange =
  | { kind: 'reviews'; removed: readonly Review[]; added: readonly Review[] }
  | { kind: 'curation'; ids: readonly string[] }
  /** library.json changed: tags, saved views, collections, import records or export settings. */
  | { kind: 'meta' }
  | { kind: 'closed' }

export type LibraryObserver = (change: LibraryChange) => void

export interface LibraryParts {
  dir: string
  now: () => Date
  meta: StoreFile<LibraryFile>
  reviewFiles: Map<string, StoreFile<ReviewsFile>>
  curationFiles: Map<string, StoreFile<CurationFile>>
  openReviewFile: (work: Work) => Promise<StoreFile<ReviewsFile>>
  openCurationFile: (bucket: string) => Promise<StoreFile<CurationFile>>
  /**
   * Throws (writing nothing) unless we still hold the lock and library.json is what we read
   * (not compared when `generation` is null: library.json itself is being put back).
   */
  verify: (generation: number | null) => Promise<void>
  /** Replaces the files all-or-nothing, or in order when `journal` is false (see commitTransaction). */
  commit: (writes: FileWrite[], label: string, journal: boolean) => Promise<void>
  release: () => Promise<void>
  /**
   * Backs up the user's work if the last backup is old enough; null when done (or not due), else
   * the backup folder and why it failed.
   */
  snapshot: () => Promise<{ folder: string; reason: string } | null>
  notices: string[]
  /**
   * A staged open: the reviews from the list cache, bodies empty, while the review files are read
   * in the background (see staged-bodies.ts); `reviewFiles` is then empty until attachReviewFiles.
   */
  listed?: ListedReviews
  /** Where curation-only commits are appended (see store/curation-log.ts). */
  curationLog: CurationLog
  /**
   * Buckets whose shard on disk lacks records of the log (the log replayed on open, to begin
   * with). A log commit does not update their shards in memory either: those are rebuilt from the
   * curation by id when they are written (a fold) or handed out (fileInMemory).
   */
  logBuckets: Set<string>
  /** Bytes of log records past which they are folded into the shards. */
  logLimit: number
}

/** A file of the library's own folder written with a commit (an import's fragments, its sources). */
export interface ExtraWrite {
  /** Relative to the library folder, e.g. imports/<id>.json. */
  relative: string
  content: string | Buffer | null
}

/** One commit: every file it touches is replaced at once, or none is. */
export interface LibraryCommit {
  label: string
  /** Works whose reviews are replaced, in order (a later entry for a work wins); null removes. */
  reviews?: { work: Work; reviews: Review[] | null }[]
  curation?: Map<string, Curation>
  meta?: (meta: LibraryFile) => void
  extra?: ExtraWrite[]
  /**
   * How the library is shown (pane widths), not what it holds: nobody is told, so the window
   * does not re-read the library after the user drags a separator.
   */
  quiet?: boolean
}

/**
 * A bucket's items with the changes to `ids` (the bucket's ids in `changed`) applied, in the order
 * a copy edited in place would have (kept ids where they were, new ones last): built afresh rather
 * than copied and edited, since deleting thousands of keys (the undo of a select-all tag) is what
 * objects are slowest at.
 */
function withChanges(
  items: CurationFile['items'],
  ids: readonly string[],
  changed: ReadonlyMap<string, Curation>,
): CurationFile['items'] {
  const out: CurationFile['items'] = {}
  for (const id of Object.keys(items)) {
    const next = changed.get(id)
    if (next === undefined) out[id] = items[id]!
    else if (!isEmptyCuration(next)) out[id] = next
  }
  for (const id of ids) {
    const curation = changed.get(id)!
    if (!Object.hasOwn(items, id) && !isEmptyCuration(curation)) out[id] = curation
  }
  return out
}

/**
 * The log record of a curation commit, with the buckets it touches: the changed reviews' whole
 * new curation (null: none left). A value object given to several reviews (commands share one
 * where the curation before was the same, see patch.ts) is written once, as a group with their
 * ids.
 */
function logRecordOf(changes: ReadonlyMap<string, Curation>): LogRecord & { buckets: Set<string> } {
  const byValue = new Map<Curation | null, string[]>()
  // Which of the 65,536 possible two-character buckets are touched, without a string per id.
  const touched = new Uint8Array(65536)
  const buckets = new Set<string>()
  // Shared values come in runs: the last value's verdict and ids are kept at hand.
  let last: Curation | undefined
  let lastIds: string[] = []
  for (const [id, curation] of changes) {
    if (curation !== last) {
      last = curation
      const value = isEmptyCuration(curation) ? null : curation
      lastIds = byValue.get(value) ?? []
      if (lastIds.length === 0) byValue.set(value, lastIds)
    }
    lastIds.push(id)
    const high = id.charCodeAt(3)
    const low = id.charCodeAt(4)
    // Exact for ids of one-byte characters (NaN, a short id, fails the test too): a bucket left
    // out would not be folded, and the log reset would lose its edits.
    if (high < 256 && low < 256) {
      const key = (high << 8) | low
      if (touched[key] === 0) {
        touched[key] = 1
        buckets.add(curationBucket(id))
      }
    } else buckets.add(curationBucket(id))
  }
  const items: LogItems = {}
  const groups: LogGroup[] = []
  for (const [value, ids] of byValue) {
    if (ids.length > 1) groups.push({ value, ids })
    else items[ids[0]!] = value
  }
  return { items, groups, buckets }
}

/**
 * The open library: everything in memory for queries, each kind of data persisted in its own files.
 * All writes go through here so the indexes and the files never disagree.
 */
export class Library {
  readonly dir: string
  readonly now: () => Date
  /** Things the user should know about this open (a damaged file set aside, a backup restored). */
  readonly notices: string[]
  /** This session's undoable changes. */
  readonly history: History
  private readonly reviews = new Map<string, Review>()
  private readonly works = new Map<string, Work>()
  /**
   * The stored curation by review id, mirroring the bucket files: looking an id up in a bucket's
   * plain object costs about a microsecond (the key is hashed anew each time), which a 100,000
   * review export or index build pays once per review.
   */
  private readonly curation = new Map<string, Curation>()
  private readonly observers = new Set<LibraryObserver>()
  private readonly noticeListeners = new Set<(message: string) => void>()
  private closed = false
  /** Set when a commit was saved but not finished: only reopening finishes it, so no more writes. */
  private unfinished: string | null = null
  private backedUp = false
  private backupFailures = 0
  /** Writes run one at a time, so two edits never race on the same file or its temp copy. */
  private queue: Promise<unknown> = Promise.resolve()
  /** Set while a staged open still reads the review files. */
  private loading: BodyLoading | null = null
  /** Whether a write is running (a derived file taken meanwhile might not match memory). */
  private writing = false
  /** Bumped by every commit that changed reviews. */
  private reviewsVersion = 0

  constructor(private readonly parts: LibraryParts) {
    this.dir = parts.dir
    this.now = parts.now
    this.notices = parts.notices
    this.history = new History(parts.now)
    if (parts.listed) {
      this.loading = new BodyLoading(parts.listed.bodyLengths)
      for (const work of parts.listed.works) this.works.set(work.id, work)
      for (const review of parts.listed.reviews) this.reviews.set(review.id, review)
    }
    for (const file of parts.reviewFiles.values()) {
      this.works.set(file.data.work.id, file.data.work)
      for (const review of file.data.reviews) this.reviews.set(review.id, review)
    }
    for (const file of parts.curationFiles.values()) {
      for (const [id, stored] of Object.entries(file.data.items)) {
        this.curation.set(id, normaliseCuration(stored))
      }
    }
  }

  /** False while a staged open is still reading the review files (bodies are empty until then). */
  get bodiesLoaded(): boolean {
    return this.loading === null
  }

  /**
   * Resolves once every review's body is in memory (at once after a full open); rejects when the
   * review files could not be read at all.
   */
  bodies(): Promise<void> {
    return this.loading?.done ?? Promise.resolve()
  }

  /** The length of the review's body, also while a staged open has not read the body yet. */
  bodyLength(review: Review): number {
    return this.loading?.lengths?.get(review.id) ?? review.body.length
  }

  /**
   * Staged open: one review file just read, before the others (see takeListedFile). Only ever
   * swaps a file's parsed reviews for the listed objects that hold the same fields.
   */
  takeReviewFile(file: StoreFile<ReviewsFile>): void {
    if (this.loading) takeListedFile(this.loading, this.works, this.reviews, file)
  }

  /**
   * Staged open: the review files as read (and recovered) in the background. When they hold
   * exactly the listed reviews, each body is filled into the listed review in place (references
   * held elsewhere, the search engine's columns, stay valid); otherwise the reviews are replaced
   * with the files' and observers are told (a 'reviews' change). Returns whether it replaced them.
   */
  attachReviewFiles(files: Map<string, StoreFile<ReviewsFile>>): boolean {
    const loading = this.loading
    if (!loading || loading.attached) throw new Error('the review files are already attached')
    const inPlace = sameListedReviews(
      this.works,
      this.reviews,
      files,
      loading.lengths!,
      loading.taken,
    )
    for (const [workId, file] of files) this.parts.reviewFiles.set(workId, file)
    loading.lengths = null
    if (!inPlace) {
      const removed = [...this.reviews.values()]
      this.reviews.clear()
      this.works.clear()
      for (const file of files.values()) {
        this.works.set(file.data.work.id, file.data.work)
        for (const review of file.data.reviews) this.reviews.set(review.id, review)
      }
      this.reviewsVersion++
      this.notify({ kind: 'reviews', removed, added: [...this.reviews.values()] })
    }
    loading.attach()
    return !inPlace
  }

  /**
   * Staged open: every body is loaded, or with `error` they could not be: the library then stays
   * without bodies (bodies() keeps rejecting, so nothing reads or exports empty text).
   */
  finishLoading(error?: unknown): void {
    const loading = this.loading
    if (!loading) return
    if (error === undefined) this.loading = null
    loading.finish(error)
  }

  /**
   * Whether the reviews in memory are those on disk at this moment and stay so until `version`
   * changes: no write running, none since `version` was read (see list-cache-keeper.ts).
   */
  settledReviews(): { version: number } | null {
    return this.writing || this.loading ? null : { version: this.reviewsVersion }
  }

  get reviewCount(): number {
    return this.reviews.size
  }

  allReviews(): IterableIterator<Review> {
    return this.reviews.values()
  }

  getReview(id: string): Review | undefined {
    return this.reviews.get(id)
  }

  getWork(id: string): Work | undefined {
    return this.works.get(id)
  }

  allWorks(): Work[] {
    return [...this.works.values()]
  }

  get tags(): readonly Tag[] {
    return this.parts.meta.data.tags
  }

  get views(): readonly SavedView[] {
    return this.parts.meta.data.views
  }

  get collections(): readonly Collection[] {
    return this.parts.meta.data.collections
  }

  /** Export settings and presets, kept in library.json (read-only here; saveMeta writes). */
  get exportPrefs(): Pick<LibraryFile, 'exportSettings' | 'exportPresets'> {
    const { exportSettings, exportPresets } = this.parts.meta.data
    return { exportSettings, exportPresets }
  }

  /** The remembered pane and column layout, undefined until the user first changes it. */
  get layout(): WorkspaceLayout | undefined {
    return this.parts.meta.data.layout
  }

  saveLayout(layout: WorkspaceLayout): Promise<void> {
    return this.commit({
      label: 'Save layout',
      quiet: true,
      meta: (meta) => {
        meta.layout = layout
      },
    })
  }

  get imports(): readonly ImportRecord[] {
    return this.parts.meta.data.imports
  }

  /** Ids of the reviews with stored curation (most reviews have none). */
  curatedIds(): IterableIterator<string> {
    return this.curation.keys()
  }

  /** The review's curation, a copy the caller may change (empty when there is none). */
  getCuration(id: string): Curation {
    const stored = this.curation.get(id)
    return stored ? { ...stored } : emptyCuration()
  }

  /**
   * The review's curation as stored, not a copy (the frozen empty one when there is none): for
   * keeping a value to write back later (an undo), which must never be changed in place.
   */
  storedCuration(id: string): Readonly<Curation> {
    return this.curation.get(id) ?? EMPTY_CURATION
  }

  /** Replaces the reviews of one work and indexes them. */
  saveWorkReviews(work: Work, reviews: Review[]): Promise<void> {
    return this.commit({ label: `Save ${work.title}`, reviews: [{ work, reviews }] })
  }

  /** Removes a work and its reviews file (undoing the import that created it). */
  deleteWork(workId: string): Promise<void> {
    const work = this.works.get(workId)
    if (!work) return Promise.resolve()
    return this.commit({ label: `Remove ${work.title}`, reviews: [{ work, reviews: null }] })
  }

  reviewsOfWork(workId: string): Review[] {
    return this.parts.reviewFiles.get(workId)?.data.reviews ?? []
  }

  /** Writes curation changes; only the buckets that hold a changed review are rewritten. */
  saveCuration(changes: Map<string, Curation>): Promise<void> {
    return this.commit({ label: 'Edit curation', curation: changes })
  }

  saveMeta(update: (meta: LibraryFile) => void): Promise<void> {
    return this.commit({ label: 'Edit library settings', meta: update })
  }

  /**
   * Writes one change to every file it touches as a single commit (see commitTransaction), and
   * only then updates what is in memory: a failed commit leaves both the files and the open
   * library as they were. Every commit that touches more than curation rewrites library.json with
   * the next generation number, so a process that read an older library.json can tell and refuses
   * to write.
   */
  commit(change: LibraryCommit): Promise<void> {
    // A staged open writes reviews only once their files are read: the commit replaces them.
    const loading = this.loading
    if (change.reviews?.length && loading && !loading.attached) {
      if (loading.failed) {
        const message =
          'Nothing was saved: the review files could not be read when the library opened'
        return Promise.reject(new CuratorError('internal', message))
      }
      return loading.whenAttached.then(() => this.commit(change))
    }
    return this.exclusive(() => this.writeCommit(change))
  }

  private async writeCommit(change: LibraryCommit): Promise<void> {
    if (this.unfinished) throw new CuratorError('internal', this.unfinished)
    const { meta } = this.parts
    // Curation, with or without library.json, goes to the log; with review or import files it is
    // written to the shards, over which the log's older records must not be replayed: they are
    // folded in first.
    const viaLog =
      (change.curation?.size ?? 0) > 0 && !change.reviews?.length && !change.extra?.length
    if (!viaLog && (change.curation?.size ?? 0) > 0) await this.foldLog()
    await this.parts.verify(meta.data.generation)
    const writes: FileWrite[] = []
    const reviewUpdates = new Map<
      string,
      { file: StoreFile<ReviewsFile>; data: ReviewsFile | null }
    >()
    for (const { work, reviews } of change.reviews ?? []) {
      const file = this.parts.reviewFiles.get(work.id) ?? (await this.parts.openReviewFile(work))
      reviewUpdates.set(work.id, {
        file,
        data: reviews === null ? null : { ...file.data, work, reviews },
      })
    }
    for (const { file, data } of reviewUpdates.values()) {
      writes.push({ path: file.path, content: data === null ? null : file.file.content(data) })
    }
    const curationUpdates = new Map<StoreFile<CurationFile>, CurationFile>()
    const bucketFiles = new Map<string, StoreFile<CurationFile>>()
    // Ids by bucket in arrays: the values are looked up in change.curation itself. A log commit
    // leaves the shards in memory alone (copying them cost as much as the rest of a select all +
    // tag): they are rebuilt from this.curation when written (see syncShards), so it needs the
    // record and the buckets alone.
    const record = viaLog ? logRecordOf(change.curation!) : null
    const byBucket = new Map<string, string[]>()
    for (const bucket of record?.buckets ?? []) byBucket.set(bucket, [])
    if (!record) {
      for (const id of change.curation?.keys() ?? []) {
        const bucket = curationBucket(id)
        const ids = byBucket.get(bucket)
        if (ids) ids.push(id)
        else byBucket.set(bucket, [id])
      }
    }
    for (const [bucket, ids] of byBucket) {
      let file = this.parts.curationFiles.get(bucket)
      // A new bucket's file is there to check and put back (fileInMemory) from the first edit.
      if (!file) bucketFiles.set(bucket, (file = await this.parts.openCurationFile(bucket)))
      if (record) continue
      const items = withChanges(file.data.items, ids, change.curation!)
      curationUpdates.set(file, { ...file.data, items })
    }
    for (const [file, data] of curationUpdates) {
      writes.push({ path: file.path, content: file.file.content(data) })
    }
    for (const extra of change.extra ?? []) {
      writes.push({ path: join(this.dir, extra.relative), content: extra.content })
    }
    // A curation edit leaves library.json alone: rewriting it only to count the commit cost a
    // second fsync of the file and one of the library folder on every keystroke's edit. Another
    // process can only have written curation after taking the lock, which verify() checks.
    const curationOnly = viaLog && !change.meta
    let nextMeta = meta.data
    if (!curationOnly) {
      const updated = structuredClone(meta.data)
      change.meta?.(updated)
      // schemaVersion and generation first, so the generation can be read from the file's head.
      const { schemaVersion, generation, ...rest } = updated
      nextMeta = { schemaVersion, generation: generation + 1, ...rest }
      writes.push({ path: meta.path, content: meta.file.content(nextMeta) })
    }
    if (writes.length === 0 && !viaLog) return

    try {
      if (record) {
        const generation = curationOnly ? undefined : nextMeta.generation
        const before = await this.parts.curationLog.append(record, change.label, generation)
        for (const bucket of record.buckets) this.parts.logBuckets.add(bucket)
        if (!curationOnly) await this.commitAfterLog(writes, change.label, before, generation!)
      } else await this.parts.commit(writes, change.label, true)
    } catch (e) {
      if (e instanceof IncompleteCommitError) this.unfinished = e.message
      throw e
    }

    meta.data = nextMeta
    // Listeners (the window, the search index) hear of a change only once it is committed.
    if (change.meta && !change.quiet) this.notify({ kind: 'meta' })
    for (const [workId, { file, data }] of reviewUpdates) {
      const previous = this.parts.reviewFiles.has(workId) ? file.data.reviews : []
      for (const review of previous) this.reviews.delete(review.id)
      if (data === null) {
        this.reviewsVersion++
        this.parts.reviewFiles.delete(workId)
        this.works.delete(workId)
        this.notify({ kind: 'reviews', removed: previous, added: [] })
        continue
      }
      file.data = data
      this.reviewsVersion++
      this.parts.reviewFiles.set(workId, file)
      this.works.set(workId, data.work)
      for (const review of data.reviews) this.reviews.set(review.id, review)
      this.notify({ kind: 'reviews', removed: previous, added: data.reviews })
    }
    for (const [bucket, file] of bucketFiles) this.parts.curationFiles.set(bucket, file)
    for (const [file, data] of curationUpdates) file.data = data
    if (change.curation) {
      // Shared values come in runs (see curationChanges): each is checked for emptiness once.
      let last: Curation | undefined
      let empty = false
      for (const [id, curation] of change.curation) {
        if (curation !== last) empty = isEmptyCuration((last = curation))
        if (empty) this.curation.delete(id)
        else this.curation.set(id, curation)
      }
      this.notify({ kind: 'curation', ids: [...change.curation.keys()] })
    }
    if (viaLog && this.parts.curationLog.pending > this.parts.logLimit) {
      // Folded after this edit is acknowledged, so only the next write waits for it.
      this.queue = this.queue.then(() => this.foldLog()).catch(() => undefined)
    }
  }

  /**
   * Rebuilds the in-memory shards of the buckets the log is ahead of from this.curation (what a
   * log commit updates), so they hold what a fold must write.
   */
  private syncShards(): void {
    const { logBuckets, curationFiles } = this.parts
    const rebuilt = new Map<string, CurationFile['items']>()
    for (const bucket of logBuckets) if (curationFiles.has(bucket)) rebuilt.set(bucket, {})
    if (rebuilt.size === 0) return
    for (const [id, curation] of this.curation) {
      const items = rebuilt.get(curationBucket(id))
      if (items) items[id] = curation
    }
    for (const [bucket, items] of rebuilt) {
      const file = curationFiles.get(bucket)!
      file.data = { ...file.data, items }
    }
  }

  /**
   * Writes library.json after the log record of the same commit. Refused: the record is taken
   * back. If library.json landed all the same (its folder's fsync failed), whether the commit
   * survives a power cut is unknown: only reopening tells, so no more writes.
   */
  private async commitAfterLog(
    writes: FileWrite[],
    label: string,
    logLength: number,
    generation: number,
  ): Promise<void> {
    try {
      await this.parts.commit(writes, label, false)
    } catch (e) {
      const landed = await this.parts.verify(generation).then(
        () => true,
        () => false,
      )
      if (landed) throw new UncertainAppendError(label, e)
      await this.parts.curationLog.takeBack(logLength, label)
      throw e
    }
  }

  /**
   * Writes the shards the log is ahead of (all or nothing, journalled), and only once they are
   * durable empties the log: a crash in between replays records the shards already hold.
   */
  private async foldLog(): Promise<void> {
    const { curationLog, logBuckets, curationFiles, meta } = this.parts
    if (this.unfinished || (logBuckets.size === 0 && curationLog.pending === 0)) return
    await this.parts.verify(meta.data.generation)
    this.syncShards()
    const writes: FileWrite[] = []
    for (const bucket of logBuckets) {
      const file = curationFiles.get(bucket)
      if (file) writes.push({ path: file.path, content: file.file.content(file.data) })
    }
    try {
      if (writes.length > 0) await this.parts.commit(writes, 'Fold the curation log', true)
    } catch (e) {
      if (e instanceof IncompleteCommitError) this.unfinished = e.message
      throw e
    }
    logBuckets.clear()
    await curationLog.reset()
  }

  /**
   * Folds the curation log into the shards, for whatever reads curation/*.json from disk rather
   * than from this open library (Check Library).
   */
  foldCurationLog(): Promise<void> {
    // Moves what is already saved, so it is no change of the user's to take the day's backup for.
    return this.exclusive(() => this.foldLog(), false)
  }

  /**
   * The open library's copy of one of its files (library.json, a review file, a curation bucket),
   * as it would be written, or null when it holds none. What was read and checked on open plus
   * every commit since: the copy to put back when the file on disk was damaged after open.
   */
  fileInMemory(path: string): { write: () => Promise<void> } | null {
    const { meta, reviewFiles, curationFiles } = this.parts
    const files = [meta, ...reviewFiles.values(), ...curationFiles.values()]
    const file = files.find((f) => f.path === path)
    if (!file) return null
    return {
      write: () =>
        this.exclusive(async () => {
          // When library.json itself is damaged its generation cannot be read back to compare.
          await this.parts.verify(file === meta ? null : meta.data.generation)
          this.syncShards()
          await file.write()
        }),
    }
  }

  /** Calls `observer` after every change to reviews or curation; returns the unsubscribe. */
  observe(observer: LibraryObserver): () => void {
    this.observers.add(observer)
    return () => this.observers.delete(observer)
  }

  /**
   * Calls `listener` with what the user should know while the library is open that is not a
   * change (a backup that failed); returns the unsubscribe.
   */
  onNotice(listener: (message: string) => void): () => void {
    this.noticeListeners.add(listener)
    return () => this.noticeListeners.delete(listener)
  }

  private notify(change: LibraryChange): void {
    for (const observer of this.observers) observer(change)
  }

  /** Whether close() was called (a staged open's reader then stops). */
  get isClosed(): boolean {
    return this.closed
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.notify({ kind: 'closed' })
    // A staged open's reader may still restore a damaged file: never after the lock is gone.
    await this.bodies().catch(() => undefined)
    await this.queue.catch(() => undefined)
    // Closed with the log folded, so the next open reads the shards alone; if this fails the
    // next open replays the log instead.
    await this.foldLog().catch(() => undefined)
    await this.parts.release()
  }

  private exclusive<T>(write: () => Promise<T>, backUpFirst = true): Promise<T> {
    this.assertOpen()
    const guarded = async () => {
      // The day's backup is taken just before the first change, so an open that only reads, or
      // a rejected import, leaves the folder exactly as it was.
      // A backup that failed is tried again at the next commit. It copies the shards, not the
      // log, so the log is folded into them first (if that fails, the backup is a day older).
      if (backUpFirst && !this.backedUp) {
        await this.foldLog().catch(() => undefined)
        await this.backUp()
      }
      this.writing = true
      try {
        return await write()
      } finally {
        this.writing = false
      }
    }
    const run = this.queue.then(guarded, guarded)
    this.queue = run.catch(() => undefined)
    return run
  }

  /** Takes the day's backup; a failure is told to onNotice listeners (window, CLI), never thrown. */
  private async backUp(): Promise<void> {
    const failed = await this.parts.snapshot()
    this.backedUp = failed === null
    if (!failed) return
    const message = backupFailedNotice(failed.folder, failed.reason, this.backupFailures++ > 0)
    for (const listener of this.noticeListeners) listener(message)
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the library is closed')
    if (this.unfinished) throw new CuratorError('internal', this.unfinished)
  }
}
