import type { Review, Work } from '../../../shared/domain'
import { reviewFilesStamp } from '../search/review-files-stamp'
import type { Library } from './library'
import { listCacheBytes, listCacheStamp, writeListCache, type Pause } from './list-cache'

// Keeps list-cache.bin in step with the review files for the next staged open: written after an
// open that had to read every review file, and after commits that change reviews. Off the edit
// path: a while after the change, encoded in slices between other work, and only from a moment
// when memory and the files agree (no write running, none since the files were stamped), so the
// cache never carries a stamp that does not describe its reviews. Derived data: a write that fails
// is forgotten (the next open reads the review files and tries again).

export interface KeeperOptions {
  /** The open read the list from an up-to-date cache (nothing to write until reviews change). */
  fresh: boolean
  /** The review files' stamp the open's cache carried (fresh opens only). */
  stampAtOpen?: string
  /** How long after a change the cache is written; tests pass 0. */
  delayMs?: number
  pause?: Pause
}

const keepers = new WeakMap<Library, () => Promise<void>>()

/**
 * Resolves once the library's list cache holds its reviews (or a write has been given up); at
 * once when nothing keeps one.
 */
export function listCacheWritten(library: Library): Promise<void> {
  return keepers.get(library)?.() ?? Promise.resolve()
}

const yieldToEvents: Pause = () => new Promise((resolve) => setImmediate(resolve))

/** The works in review-file name order and their reviews in file order: how an open reads them. */
function inFileOrder(library: Library): { works: Work[]; reviews: Review[] } {
  const works = library.allWorks().sort((a, b) => {
    const x = `${a.id}.json`
    const y = `${b.id}.json`
    return x < y ? -1 : x > y ? 1 : 0
  })
  return { works, reviews: works.flatMap((w) => library.reviewsOfWork(w.id)) }
}

export function keepListCache(library: Library, options: KeeperOptions): void {
  const delayMs = options.delayMs ?? 1000
  const pause = options.pause ?? yieldToEvents
  let dirty = !options.fresh
  let closed = false
  let timer: NodeJS.Timeout | null = null
  let running: Promise<void> | null = null
  const idle: (() => void)[] = []

  const settle = () => {
    if (dirty && !closed) return
    for (const resolve of idle.splice(0)) resolve()
  }

  const schedule = () => {
    if (timer || running || closed) return
    timer = setTimeout(() => {
      timer = null
      running = write().finally(() => {
        running = null
        if (dirty) schedule()
        settle()
      })
    }, delayMs)
    // A command-line run exits when its work is done, whether or not this was written.
    timer.unref()
  }

  const write = async () => {
    if (!library.bodiesLoaded) return library.bodies().catch(() => void (dirty = false))
    const before = library.settledReviews()
    if (!before) return
    const filesStamp = await reviewFilesStamp(library.dir)
    const after = library.settledReviews()
    if (!after || after.version !== before.version) return
    dirty = false
    const { works, reviews } = inFileOrder(library)
    try {
      const bytes = await listCacheBytes(
        listCacheStamp(filesStamp, reviews.length),
        works,
        reviews,
        pause,
      )
      if (bytes && !closed) await writeListCache(library.dir, bytes)
    } catch {
      // Derived data: the next open reads the review files and writes it again.
    }
  }

  library.observe((change) => {
    if (change.kind === 'closed') {
      closed = true
      if (timer) clearTimeout(timer)
      timer = null
      if (!running) settle()
    } else if (change.kind === 'reviews') {
      dirty = true
      schedule()
    }
  })
  keepers.set(library, () => {
    if (!dirty || closed) return running ?? Promise.resolve()
    return new Promise((resolve) => idle.push(resolve))
  })

  if (!options.fresh) schedule()
  else if (options.stampAtOpen !== undefined) {
    // Reading the bodies may have restored a damaged review file: its stamp then differs.
    const stampAtOpen = options.stampAtOpen
    void library.bodies().then(
      async () => {
        if ((await reviewFilesStamp(library.dir)) === stampAtOpen || closed) return
        dirty = true
        schedule()
      },
      () => undefined,
    )
  }
}
