import type { Review, Work } from '../../../shared/domain'
import type { ReviewsFile } from '../store/schema'
import type { StoreFile } from '../store/store-file'

// A staged open shows the list from list-cache.bin and reads the review files afterwards. These
// are the two halves of that hand-over the Library uses: the loading state, and the check that the
// files hold exactly what the cache said, the only case where the bodies are filled into the
// listed reviews instead of replacing them.

/** The state of a staged open until every body is in memory. */
export class BodyLoading {
  /** The bodies' lengths from the cache, until the files are attached. */
  lengths: Map<string, number> | null
  attached = false
  readonly done: Promise<void>
  readonly whenAttached: Promise<void>
  private resolveDone!: () => void
  private rejectDone!: (e: unknown) => void
  private resolveAttached!: () => void

  /**
   * Files taken as soon as they were read (takeListedFile): their reviews are already the listed
   * objects, and their bodies wait here until every file is read.
   */
  readonly taken = new Map<StoreFile<ReviewsFile>, string[]>()
  /** The listed reviews by work, in order: built for the first file taken. */
  byWork: Map<string, Review[]> | null = null

  constructor(lengths: Map<string, number>) {
    this.lengths = lengths
    this.done = new Promise((resolve, reject) => {
      this.resolveDone = resolve
      this.rejectDone = reject
    })
    // Nobody may be listening yet: a failed load must not become an unhandled rejection.
    this.done.catch(() => undefined)
    this.whenAttached = new Promise((resolve) => (this.resolveAttached = resolve))
  }

  attach(): void {
    this.attached = true
    this.resolveAttached()
  }

  /** The files could not be read: the bodies never come, and reviews must not be written. */
  failed = false

  finish(error?: unknown): void {
    this.failed = error !== undefined
    // Commits waiting for the files go ahead, or are refused when they could not be read.
    this.resolveAttached()
    if (error === undefined) this.resolveDone()
    else this.rejectDone(error)
  }
}

const sameSplits = (a: Review['bylineAlternatives'], b: Review['bylineAlternatives']): boolean =>
  a.length === b.length && a.every((s, i) => s.author === b[i]!.author && s.date === b[i]!.date)

/** Whether the two have the same keys in the same order (serialise alike). */
function sameKeys(listed: object, parsed: object): boolean {
  const keys = Object.keys(listed)
  let i = 0
  for (const key in parsed) if (key !== keys[i++]) return false
  return i === keys.length
}

/** Whether `listed` (from the cache) holds every field of `parsed` (from its file) but the body. */
export function sameListFields(listed: Review, parsed: Review, bodyLength: number): boolean {
  const a = listed.helpful
  const b = parsed.helpful
  return (
    sameKeys(listed, parsed) &&
    listed.id === parsed.id &&
    listed.workId === parsed.workId &&
    listed.importId === parsed.importId &&
    listed.importedAt === parsed.importedAt &&
    listed.rating === parsed.rating &&
    listed.title === parsed.title &&
    listed.author === parsed.author &&
    listed.date === parsed.date &&
    listed.bylineRaw === parsed.bylineRaw &&
    listed.bylineAmbiguous === parsed.bylineAmbiguous &&
    sameSplits(listed.bylineAlternatives, parsed.bylineAlternatives) &&
    listed.spoiler === parsed.spoiler &&
    (a === null ? b === null : b !== null && a.yes === b.yes && a.total === b.total) &&
    listed.truncated === parsed.truncated &&
    bodyLength === parsed.body.length
  )
}

function listedByWork(reviews: ReadonlyMap<string, Review>): Map<string, Review[]> {
  const byWork = new Map<string, Review[]>()
  for (const review of reviews.values()) {
    const list = byWork.get(review.workId)
    if (list) list.push(review)
    else byWork.set(review.workId, [review])
  }
  return byWork
}

/**
 * Called for each review file as soon as it is read: when it holds exactly the listed reviews of
 * its work, in order, its parsed reviews are swapped for the listed objects at once and only their
 * bodies are kept (in `loading.taken`). The parsed objects then die young instead of living until
 * every file is read: 100,000 of them were 65 MB of the open's peak memory. Whether the library
 * as a whole matches is still decided by sameListedReviews once every file is read.
 */
export function takeListedFile(
  loading: BodyLoading,
  works: ReadonlyMap<string, Work>,
  reviews: ReadonlyMap<string, Review>,
  file: StoreFile<ReviewsFile>,
): void {
  const lengths = loading.lengths
  if (!lengths || loading.attached) return
  loading.byWork ??= listedByWork(reviews)
  const fileWork = file.data.work
  const work = works.get(fileWork.id)
  const mine = loading.byWork.get(fileWork.id)
  const list = file.data.reviews
  if (!work || work.title !== fileWork.title || work.year !== fileWork.year) return
  if (!mine || mine.length !== list.length) return
  for (let i = 0; i < list.length; i++) {
    if (!sameListFields(mine[i]!, list[i]!, lengths.get(mine[i]!.id) ?? -1)) return
  }
  loading.taken.set(
    file,
    list.map((r) => r.body),
  )
  for (let i = 0; i < list.length; i++) list[i] = mine[i]!
}

/** Puts the kept bodies into the taken files' reviews (the listed objects). */
function fillTaken(taken: ReadonlyMap<StoreFile<ReviewsFile>, string[]>): void {
  for (const [file, bodies] of taken) {
    const list = file.data.reviews
    for (let i = 0; i < list.length; i++) list[i]!.body = bodies[i]!
  }
}

/**
 * Whether `files` hold exactly the listed works and reviews, in the same order; if so, fills each
 * parsed body into its listed review and puts the listed review in the file's data in its place
 * (one object per review, as a full open has). When they differ, the listed reviews are left as
 * they were, except in files taken early (takeListedFile), which get their bodies back: those
 * files' data is whole either way.
 */
export function sameListedReviews(
  works: ReadonlyMap<string, Work>,
  reviews: ReadonlyMap<string, Review>,
  files: ReadonlyMap<string, StoreFile<ReviewsFile>>,
  lengths: ReadonlyMap<string, number>,
  taken: ReadonlyMap<StoreFile<ReviewsFile>, string[]> = new Map(),
): boolean {
  const differ = () => {
    fillTaken(taken)
    return false
  }
  if (files.size !== works.size) return differ()
  const listed = reviews.values()
  let count = 0
  for (const [workId, file] of files) {
    const work = works.get(workId)
    const fileWork = file.data.work
    if (!work || work.title !== fileWork.title || work.year !== fileWork.year) return differ()
    const early = taken.has(file)
    for (const parsed of file.data.reviews) {
      const mine = listed.next().value
      if (!mine) return differ()
      // A taken file already holds the listed objects: they must come in the listed order.
      if (early ? parsed !== mine : !sameListFields(mine, parsed, lengths.get(mine.id) ?? -1))
        return differ()
      count++
    }
  }
  // A review listed twice (the same id in two files) would leave the map shorter than the files.
  if (count !== reviews.size) return differ()
  fillTaken(taken)
  for (const file of files.values()) {
    if (taken.has(file)) continue
    const list = file.data.reviews
    for (let i = 0; i < list.length; i++) {
      const mine = reviews.get(list[i]!.id)!
      mine.body = list[i]!.body
      list[i] = mine
    }
  }
  return true
}
