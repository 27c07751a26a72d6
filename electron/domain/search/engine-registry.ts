import { join } from 'node:path'
import type { Library } from '../library/library'
import { reviewFilesStamp } from './review-files-stamp'
import { SearchEngine, type EngineOptions, type IndexCacheOptions } from './search-engine'
import { buildIndexInWorker } from './worker-build'

// One engine per open library, created on first use and following the library's changes. Its
// index is persisted in the library folder (search-index.bin) for libraries worth it, and built
// by a worker thread when that file is missing or stale.

const engines = new WeakMap<Library, SearchEngine>()

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

export function searchEngine(library: Library, options?: EngineOptions): SearchEngine {
  let engine = engines.get(library)
  if (!engine) {
    engine = new SearchEngine(library, { cache: indexCacheOptions(library.dir), ...options })
    engines.set(library, engine)
  }
  return engine
}
