import type { ReviewsFile } from '../store/schema'
import type { StoreFile } from '../store/store-file'
import { rebuildWorksFromSources } from '../import/rebuild-from-sources'
import type { Library } from './library'

// The second stage of a staged open (openLibrary with `staged`): the review files are read with
// the same reader a full open uses (damaged files set aside and restored, wrong-typed reviews
// quarantined, notices), a file at a time between other work, and handed to the library, which
// fills the bodies in or, when the files disagree with the list cache, replaces the reviews.

export interface ReadReviews {
  reviewFiles: Map<string, StoreFile<ReviewsFile>>
  /** Works whose file was damaged: read again from their kept sources, as a full open does. */
  damagedWorks: string[]
}

/** Reads the review files into `library` without holding up the caller; see Library.bodies(). */
export function loadBodiesInBackground(library: Library, read: () => Promise<ReadReviews>): void {
  void (async () => {
    try {
      const { reviewFiles, damagedWorks } = await read()
      library.attachReviewFiles(reviewFiles)
      if (damagedWorks.length > 0) await rebuildWorksFromSources(library, damagedWorks)
      library.finishLoading()
    } catch (e) {
      library.finishLoading(e)
    }
  })()
}
