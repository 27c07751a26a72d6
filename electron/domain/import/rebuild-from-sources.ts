import type { Review, Work } from '../../../shared/domain'
import type { Library } from '../library/library'
import { readManifests, type ManifestEntry } from './kept-sources'
import { planFileSteps } from './merge'
import { parseKept } from './parse-kept'
import { runInSlices } from './run-steps'

// A review file that opened damaged is restored from the newest backup that reads, or starts
// empty. Backups are taken once a day, so imports since then would be lost: each import that
// touched the work is read again from its kept source, in import order, through the same merge
// planner, with its original import id and time. Ids come from the reviews' own fields, so they
// come out the same, and curation (kept apart, by review id) finds its reviews again.

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/**
 * Rebuilds the reviews of each work in `workIds` from the kept sources of the imports that
 * touched it, commits the result, and tells the user in `library.notices` what was rebuilt and
 * what could not be.
 */
export async function rebuildWorksFromSources(library: Library, workIds: string[]): Promise<void> {
  const { manifests } = await readManifests(library.dir)
  const kept = new Map<string, { importId: string; entry: ManifestEntry }>()
  for (const m of manifests)
    for (const e of m.files) kept.set(e.recordId, { importId: m.importId, entry: e })
  for (const workId of workIds) {
    const records = library.imports.filter((r) => r.workIds.includes(workId))
    if (records.length === 0) continue
    // Restored from a backup, or opened with some records set aside.
    const exists = library.getWork(workId) !== undefined
    const pending = new Map<string, Review[]>()
    if (exists) pending.set(workId, library.reviewsOfWork(workId))
    let work: Work | undefined = library.getWork(workId)
    const used: string[] = []
    const missing: string[] = []
    for (const record of records) {
      const source = kept.get(record.id)
      if (!source) {
        missing.push(`${record.fileName} (imported ${record.importedAt}; no source kept)`)
        continue
      }
      try {
        const parsed = await parseKept(library.dir, source.entry)
        if (parsed.restore) {
          // A restored export carries the reviews with their ids: the missing ones are added.
          work ??= parsed.restore.works.find((w) => w.id === workId)
          const before = pending.get(workId) ?? []
          const known = new Set(before.map((r) => r.id))
          const mine = parsed.restore.reviews.filter((r) => r.workId === workId && !known.has(r.id))
          pending.set(workId, [...before, ...mine])
        } else {
          const plan = await runInSlices(
            planFileSteps(library, parsed, source.importId, record.importedAt, pending),
          )
          work = plan.changes.find((c) => c.work.id === workId)?.work ?? work
        }
        used.push(record.fileName)
      } catch (e) {
        missing.push(`${record.fileName} (${messageOf(e)})`)
      }
    }
    const reviews = pending.get(workId)
    const file = `reviews/${workId}.json`
    const lost = missing.length
      ? `; not rebuilt from ${missing.join(', ')}: reviews only ${missing.length > 1 ? 'those imports' : 'that import'} brought ${exists ? 'stay as they are' : 'could not be recovered'}`
      : ''
    if (!work || !reviews || used.length === 0) {
      // Nothing kept for this work: the damage notice already says what the file holds now.
      if (missing.length && !exists)
        library.notices.push(`${file} could not be rebuilt from kept sources${lost}.`)
      continue
    }
    // The backup's copy already held every review the sources give: nothing to write.
    if (exists && JSON.stringify(reviews) === JSON.stringify(library.reviewsOfWork(workId)))
      continue
    try {
      await library.commit({ label: `Rebuild ${work.title}`, reviews: [{ work, reviews }] })
      library.notices.push(
        `${file}: the ${reviews.length} reviews of “${work.title}” were rebuilt from the kept source${used.length > 1 ? 's' : ''} of ${used.join(', ')}, with their ids, so your tags, notes and ratings are attached again${lost}.`,
      )
    } catch (e) {
      library.notices.push(`${file} could not be rebuilt from kept sources: ${messageOf(e)}.`)
    }
  }
}
