import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import { FIXTURE, steppingClock, tempDir } from './temp-library'

export interface ReferenceLibrary {
  library: Library
  dir: string
  /** The reference page's review ids, in page order. */
  ids: string[]
  /** Removes the folder; close the library first (a test may have reopened it). */
  cleanup: () => Promise<void>
}

/** A library in a fresh temp folder holding the reference page, on a stepping clock. */
export async function referenceLibrary(): Promise<ReferenceLibrary> {
  const { dir, cleanup } = await tempDir()
  const library = await openLibrary(dir, { now: steppingClock() })
  await importPaths(library, [FIXTURE])
  return { library, dir, ids: [...library.allReviews()].map((r) => r.id), cleanup }
}
