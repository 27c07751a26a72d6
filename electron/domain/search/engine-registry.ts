import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { Library } from '../library/library'
import { SearchEngine, type EngineOptions, type IndexCacheOptions } from './search-engine'

// One engine per open library, created on first use and following the library's changes. Its
// index is persisted in the library folder (search-index.bin) for libraries worth it.

const engines = new WeakMap<Library, SearchEngine>()

/** The index cache's file name in the library folder. */
export const INDEX_CACHE_FILE = 'search-index.bin'

/** Below this many reviews the index builds in well under a second: no cache file. */
export const INDEX_CACHE_MIN_REVIEWS = 5000

/** Each review file's name, size and modification time: any rewrite of one changes the stamp. */
export async function reviewFilesStamp(dir: string): Promise<string> {
  const folder = join(dir, 'reviews')
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) =>
    n.endsWith('.json'),
  )
  const parts = await Promise.all(
    names.sort().map(async (name) => {
      const s = await stat(join(folder, name), { bigint: true })
      return `${name}:${s.size}:${s.mtimeNs}`
    }),
  )
  return parts.join(',')
}

export function indexCacheOptions(
  dir: string,
  minReviews = INDEX_CACHE_MIN_REVIEWS,
): IndexCacheOptions {
  return {
    file: join(dir, INDEX_CACHE_FILE),
    stamp: () => reviewFilesStamp(dir),
    minReviews,
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
