import type { Library } from '../library/library'
import { SearchEngine, type EngineOptions } from './search-engine'

// One engine per open library, created on first use and following the library's changes.

const engines = new WeakMap<Library, SearchEngine>()

export function searchEngine(library: Library, options?: EngineOptions): SearchEngine {
  let engine = engines.get(library)
  if (!engine) {
    engine = new SearchEngine(library, options)
    engines.set(library, engine)
  }
  return engine
}
