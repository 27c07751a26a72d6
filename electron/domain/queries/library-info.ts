import type { LibraryInfo } from '../../../shared/contract'
import type { Library } from '../library/library'

export function libraryInfo(library: Library): LibraryInfo {
  const perWork = new Map<string, number>()
  const perTag = new Map<string, number>()
  let ambiguousBylines = 0
  let keptCount = 0
  let reviewedCount = 0
  for (const review of library.allReviews()) {
    const curation = library.getCuration(review.id)
    if (review.bylineAmbiguous && curation.bylineCorrection === null) ambiguousBylines++
    perWork.set(review.workId, (perWork.get(review.workId) ?? 0) + 1)
    for (const tag of curation.tags) perTag.set(tag, (perTag.get(tag) ?? 0) + 1)
    if (curation.kept) keptCount++
    if (curation.reviewed) reviewedCount++
  }
  return {
    reviewCount: library.reviewCount,
    keptCount,
    reviewedCount,
    works: library
      .allWorks()
      .map((w) => ({ ...w, reviewCount: perWork.get(w.id) ?? 0 }))
      .sort((a, b) => a.title.localeCompare(b.title)),
    tags: library.tags
      .map((t) => ({ ...t, count: perTag.get(t.name) ?? 0 }))
      .sort((a, b) => a.name.localeCompare(b.name)),
    imports: library.imports
      .map(({ id, fileName, importedAt, found, added }) => ({
        id,
        fileName,
        importedAt,
        found,
        added,
      }))
      .reverse(),
    ambiguousBylines,
  }
}
