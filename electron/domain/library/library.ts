import type { Low } from 'lowdb'
import type { SavedView } from '../../../shared/channels/views'
import type { Curation, ImportRecord, Review, Tag, Work } from '../../../shared/domain'
import { History } from '../history/history'
import type { CurationFile, LibraryFile, ReviewsFile } from '../store/schema'

export const emptyCuration = (): Curation => ({
  tags: [],
  note: null,
  myRating: null,
  kept: false,
  highlights: [],
  bylineCorrection: null,
  updatedAt: '',
})

/** Files written before a field existed lack it; reading fills in its empty value. */
export const normaliseCuration = (c: Partial<Curation>): Curation => ({ ...emptyCuration(), ...c })

export const isEmptyCuration = (c: Curation): boolean =>
  c.tags.length === 0 &&
  c.note === null &&
  c.myRating === null &&
  !c.kept &&
  c.highlights.length === 0 &&
  c.bylineCorrection === null

/** Curation files are bucketed by two hex digits of the review id: 256 small files. */
export const curationBucket = (reviewId: string): string => reviewId.slice(3, 5)

/** What changed in the library, for in-memory indexes (e.g. search) that follow it. */
export type LibraryChange =
  | { kind: 'reviews'; removed: readonly Review[]; added: readonly Review[] }
  | { kind: 'curation'; ids: readonly string[] }
  /** library.json changed: tags, saved views, import records or export settings. */
  | { kind: 'meta' }
  | { kind: 'closed' }

export type LibraryObserver = (change: LibraryChange) => void

export interface LibraryParts {
  dir: string
  now: () => Date
  meta: Low<LibraryFile>
  reviewFiles: Map<string, Low<ReviewsFile>>
  curationFiles: Map<string, Low<CurationFile>>
  openReviewFile: (work: Work) => Promise<Low<ReviewsFile>>
  deleteReviewFile: (workId: string) => Promise<void>
  openCurationFile: (bucket: string) => Promise<Low<CurationFile>>
  release: () => Promise<void>
  /** Backs up the user's work if the last backup is old enough. */
  snapshot: () => Promise<unknown>
  notices: string[]
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
  private closed = false
  private backedUp = false
  /** Writes run one at a time, so two edits never race on the same file or its temp copy. */
  private queue: Promise<unknown> = Promise.resolve()

  constructor(private readonly parts: LibraryParts) {
    this.dir = parts.dir
    this.now = parts.now
    this.notices = parts.notices
    this.history = new History(parts.now)
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

  /** Export settings and presets, kept in library.json (read-only here; saveMeta writes). */
  get exportPrefs(): Pick<LibraryFile, 'exportSettings' | 'exportPresets'> {
    const { exportSettings, exportPresets } = this.parts.meta.data
    return { exportSettings, exportPresets }
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

  /** Replaces the reviews of one work (one file write) and indexes them. */
  saveWorkReviews(work: Work, reviews: Review[]): Promise<void> {
    return this.exclusive(() => this.writeWorkReviews(work, reviews))
  }

  private async writeWorkReviews(work: Work, reviews: Review[]): Promise<void> {
    const file = this.parts.reviewFiles.get(work.id) ?? (await this.parts.openReviewFile(work))
    this.parts.reviewFiles.set(work.id, file)
    const previous = file.data.reviews
    file.data = { ...file.data, work, reviews }
    await file.write()
    this.works.set(work.id, work)
    for (const review of previous) this.reviews.delete(review.id)
    for (const review of reviews) this.reviews.set(review.id, review)
    this.notify({ kind: 'reviews', removed: previous, added: reviews })
  }

  /** Removes a work and its reviews file (undoing the import that created it). */
  deleteWork(workId: string): Promise<void> {
    return this.exclusive(async () => {
      const file = this.parts.reviewFiles.get(workId)
      if (!file) return
      await this.parts.deleteReviewFile(workId)
      this.parts.reviewFiles.delete(workId)
      this.works.delete(workId)
      for (const review of file.data.reviews) this.reviews.delete(review.id)
      this.notify({ kind: 'reviews', removed: file.data.reviews, added: [] })
    })
  }

  reviewsOfWork(workId: string): Review[] {
    return this.parts.reviewFiles.get(workId)?.data.reviews ?? []
  }

  /** Writes curation changes; only the buckets that hold a changed review are rewritten. */
  saveCuration(changes: Map<string, Curation>): Promise<void> {
    return this.exclusive(() => this.writeCuration(changes))
  }

  private async writeCuration(changes: Map<string, Curation>): Promise<void> {
    const touched = new Set<Low<CurationFile>>()
    for (const [id, curation] of changes) {
      const bucket = curationBucket(id)
      let file = this.parts.curationFiles.get(bucket)
      if (!file) {
        file = await this.parts.openCurationFile(bucket)
        this.parts.curationFiles.set(bucket, file)
      }
      if (isEmptyCuration(curation)) {
        delete file.data.items[id]
        this.curation.delete(id)
      } else {
        file.data.items[id] = curation
        this.curation.set(id, curation)
      }
      touched.add(file)
    }
    await Promise.all([...touched].map((file) => file.write()))
    // After the write: a listener (the window, the search index) never sees an uncommitted edit.
    this.notify({ kind: 'curation', ids: [...changes.keys()] })
  }

  saveMeta(update: (meta: LibraryFile) => void): Promise<void> {
    return this.exclusive(async () => {
      update(this.parts.meta.data)
      await this.parts.meta.write()
      this.notify({ kind: 'meta' })
    })
  }

  /** Calls `observer` after every change to reviews or curation; returns the unsubscribe. */
  observe(observer: LibraryObserver): () => void {
    this.observers.add(observer)
    return () => this.observers.delete(observer)
  }

  private notify(change: LibraryChange): void {
    for (const observer of this.observers) observer(change)
  }

  async close(): Promise<void> {
    if (this.closed) return
    this.closed = true
    this.notify({ kind: 'closed' })
    await this.queue.catch(() => undefined)
    await this.parts.release()
  }

  private exclusive<T>(write: () => Promise<T>): Promise<T> {
    this.assertOpen()
    const guarded = async () => {
      // The day's backup is taken just before the first change, so an open that only reads, or
      // a rejected import, leaves the folder exactly as it was.
      if (!this.backedUp) {
        this.backedUp = true
        await this.parts.snapshot()
      }
      return write()
    }
    const run = this.queue.then(guarded, guarded)
    this.queue = run.catch(() => undefined)
    return run
  }

  private assertOpen(): void {
    if (this.closed) throw new Error('the library is closed')
  }
}
