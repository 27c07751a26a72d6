import { hasPins } from '../../../shared/tag-keys'
import type { Curation, Review, Tag } from '../../../shared/domain'
import { BadInputError } from '../errors'
import type { RestorePlan } from '../export/restore-parse'
import { isEmptyCuration, type Library } from '../library/library'
import type { ImportChange } from './import-change'
import type { WorkChange } from './merge'
import type { FileCounts } from './report'

// Restoring our own JSON (or JSON Lines) export: same review and work ids, the curation exactly as
// exported (updatedAt included), tags with their colours, the original import records. Into an
// empty library that reproduces the exported library; into a non-empty one nothing the user has
// is lost: existing reviews stay, curation is merged, never replaced.

const RESTORED_TAG_COLOR = '#3d405b'

function mergeCuration(mine: Curation, theirs: Curation): Curation {
  const tags = [...mine.tags]
  const have = new Set(tags.map((t) => t.toLowerCase()))
  for (const t of theirs.tags) if (!have.has(t.toLowerCase())) tags.push(t)
  const ids = new Set(mine.highlights.map((h) => h.id))
  return {
    tags,
    note: mine.note ?? theirs.note,
    myRating: mine.myRating ?? theirs.myRating,
    kept: mine.kept || theirs.kept,
    reviewed: mine.reviewed || theirs.reviewed,
    highlights: [...mine.highlights, ...theirs.highlights.filter((h) => !ids.has(h.id))],
    bylineCorrection: mine.bylineCorrection ?? theirs.bylineCorrection,
    updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt,
  }
}

/**
 * The exported collections: one the library has by name (any case) gets the reviews it lacks,
 * appended in the exported order; another is added, under its own id when that is free.
 */
function planCollections(library: Library, p: RestorePlan, change: ImportChange): void {
  const known = new Set(p.reviews.map((r) => r.id))
  const used = new Set([...library.collections, ...change.collections].map((c) => c.id))
  for (const incoming of p.collections) {
    const reviewIds = incoming.reviewIds.filter((id) => known.has(id))
    const name = incoming.name.toLowerCase()
    const mine = library.collections.find((c) => c.name.toLowerCase() === name)
    if (mine) {
      const adds = change.collectionAdds.get(mine.id) ?? []
      const have = new Set([...mine.reviewIds, ...adds])
      adds.push(...reviewIds.filter((id) => !have.has(id)))
      if (adds.length > 0) change.collectionAdds.set(mine.id, adds)
      continue
    }
    const earlier = change.collections.find((c) => c.name.toLowerCase() === name)
    if (earlier) {
      const have = new Set(earlier.reviewIds)
      earlier.reviewIds.push(...reviewIds.filter((id) => !have.has(id)))
      continue
    }
    let id = incoming.id
    for (let n = used.size + 1; used.has(id); n++) id = `co_${n}`
    used.add(id)
    change.collections.push({ ...incoming, id, reviewIds })
  }
}

/**
 * Plans one restored file on top of `change` (what earlier files of the same import will write),
 * adding to it; returns the file's counts.
 */
export function planRestoreFile(
  library: Library,
  fileName: string,
  p: RestorePlan,
  change: ImportChange,
): FileCounts {
  const worksById = new Map(p.works.map((w) => [w.id, w]))
  const byWork = new Map<string, Review[]>()
  for (const r of p.reviews) {
    if (!worksById.has(r.workId))
      throw new BadInputError(
        `${fileName}: review ${r.id} names work ${r.workId}, which the file does not list`,
      )
    const list = byWork.get(r.workId) ?? []
    list.push(r)
    byWork.set(r.workId, list)
  }
  const pending = new Map(change.works.map((w) => [w.work.id, w]))
  let added = 0
  let unchanged = 0
  for (const [workId, incoming] of byWork) {
    const earlier = pending.get(workId)
    const existed = library.getWork(workId) !== undefined
    const stored = existed ? library.reviewsOfWork(workId) : null
    const current = earlier ? earlier.after : stored
    const after = [...(current ?? [])]
    const known = new Set(after.map((r) => r.id))
    const addedIds: string[] = []
    for (const r of incoming) {
      if (known.has(r.id)) unchanged++
      else {
        after.push(r)
        known.add(r.id)
        addedIds.push(r.id)
      }
    }
    added += addedIds.length
    if (earlier) {
      earlier.after = after
      earlier.added.push(...addedIds)
    } else if (!existed || addedIds.length > 0) {
      const work: WorkChange = {
        work: existed ? library.getWork(workId)! : worksById.get(workId)!,
        before: stored,
        after,
        added: addedIds,
        updated: [],
      }
      change.works.push(work)
    }
  }
  let updated = 0
  for (const [id, theirs] of p.curation) {
    if (isEmptyCuration(theirs)) continue
    const mine = change.curationAfter.get(id) ?? library.getCuration(id)
    const next = isEmptyCuration(mine) ? theirs : mergeCuration(mine, theirs)
    if (JSON.stringify(next) === JSON.stringify(mine)) continue
    if (!change.curationBefore.has(id)) change.curationBefore.set(id, library.getCuration(id))
    change.curationAfter.set(id, next)
    updated++
  }
  const tagNames = new Set([...library.tags, ...change.tags].map((t) => t.name.toLowerCase()))
  // A restored tag keeps its key unless the key is taken here, or this library's keys are still
  // derived from the sidebar order (a pin would replace them all; see shared/tag-keys.ts).
  const mine = [...library.tags, ...change.tags]
  const keysTaken = new Set(mine.map((t) => t.key))
  const derived = mine.length > 0 && !hasPins(mine)
  const addTag = ({ key, ...tag }: Tag) => {
    if (tagNames.has(tag.name.toLowerCase())) return
    tagNames.add(tag.name.toLowerCase())
    const keep = key !== undefined && !derived && !keysTaken.has(key)
    if (keep) keysTaken.add(key)
    change.tags.push(keep ? { ...tag, key } : tag)
  }
  for (const t of p.tags) addTag(t)
  for (const c of change.curationAfter.values())
    for (const name of c.tags) addTag({ name, color: RESTORED_TAG_COLOR })
  planCollections(library, p, change)
  const importIds = new Set([...library.imports, ...change.records].map((i) => i.id))
  change.records.push(...p.imports.filter((i) => !importIds.has(i.id)))
  return {
    works: p.works.map((w) => ({ title: w.title, year: w.year })),
    added,
    updated,
    unchanged,
  }
}
