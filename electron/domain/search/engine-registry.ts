import { join } from 'node:path'
import type { Library } from '../library/library'
import { readIndexBytes } from './index-cache'
import type { IndexBytes } from './index-read-worker'
import { reviewFilesStamp } from './review-files-stamp'
import {
  SearchEngine,
  type EarlyIndexRead,
  type EngineOptions,
  type IndexCacheOptions,
} from './search-engine'
import { buildIndexInWorker } from './worker-build'

// One engine per open library, created on first use and following the library's changes. Its
// index is persisted in the library folder (search-index.bin) for libraries worth it, and built
// by a worker thread when that file is missing or stale.

const engines = new WeakMap<Library, SearchEngine>()
/** Cache file reads an open began, until the library's engine takes them (see startIndexRead). */
const earlyReads = new WeakMap<Library, EarlyIndexRead>()

/** The index cache's file name in the library folder. */
export const INDEX_CACHE_FILE = 'search-index.bin'

/** Below this many reviews the index builds in well under a second: no cache file. */
export const INDEX_CACHE_MIN_REVIEWS = 5000

export { reviewFilesStamp }

export function indexCacheOptions(
  dir: string,
  minReviews = INDEX_CACHE_MIN_REVIEWS,
): IndexCacheOptions {
  const file = join(dir, INDEX_CACHE_FILE)
  return {
    file,
    stamp: () => reviewFilesStamp(dir),
    minReviews,
    buildElsewhere: () => buildIndexInWorker(dir, file),
  }
}

/**
 * Starts reading (and checking, in a worker) the index cache file of the library in `dir`: an
 * open calls it first thing, so the index can be restored as soon as the reviews are listed
 * instead of after the engine starts. Hand the result to `keepIndexRead` once the library exists.
 */
export function startIndexRead(dir: string): Promise<IndexBytes | null> {
  return readIndexBytes(join(dir, INDEX_CACHE_FILE))
}

/**
 * Keeps an early read for the library's engine, with the review files' stamp the open listed the
 * reviews by (null: none); dropped with the library if no engine is created.
 */
export function keepIndexRead(
  library: Library,
  bytes: Promise<IndexBytes | null>,
  filesStamp: string | null,
): void {
  earlyReads.set(library, { bytes, filesStamp })
}

/** Whether an open began reading this library's index file and no engine has taken it yet. */
export const hasEarlyIndexRead = (library: Library): boolean => earlyReads.has(library)

export function searchEngine(library: Library, options?: EngineOptions): SearchEngine {
  let engine = engines.get(library)
  if (!engine) {
    const early = earlyReads.get(library)
    earlyReads.delete(library)
    engine = new SearchEngine(library, {
      cache: indexCacheOptions(library.dir),
      ...(early ? { early } : {}),
      ...options,
    })
    engines.set(library, engine)
  }
  return engine
}
