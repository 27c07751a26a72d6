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

/**
 * Whether `files` hold exactly the listed works and reviews, in the same order; if so, fills each
 * parsed body into its listed review and puts the listed review in the file's data in its place
 * (one object per review, as a full open has). Changes nothing when they differ.
 */
export function sameListedReviews(
  works: ReadonlyMap<string, Work>,
  reviews: ReadonlyMap<string, Review>,
  files: ReadonlyMap<string, StoreFile<ReviewsFile>>,
  lengths: ReadonlyMap<string, number>,
): boolean {
  if (files.size !== works.size) return false
  const listed = reviews.values()
  let count = 0
  for (const [workId, file] of files) {
    const work = works.get(workId)
    const fileWork = file.data.work
    if (!work || work.title !== fileWork.title || work.year !== fileWork.year) return false
    for (const parsed of file.data.reviews) {
      const mine = listed.next().value
      if (!mine || !sameListFields(mine, parsed, lengths.get(mine.id) ?? -1)) return false
      count++
    }
  }
  // A review listed twice (the same id in two files) would leave the map shorter than the files.
  if (count !== reviews.size) return false
  for (const file of files.values()) {
    const list = file.data.reviews
    for (let i = 0; i < list.length; i++) {
      const mine = reviews.get(list[i]!.id)!
      mine.body = list[i]!.body
      list[i] = mine
    }
  }
  return true
}
