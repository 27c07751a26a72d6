import { REPORT_LIST_CAP } from '../../../shared/channels/import'
import type {
  ReparseDiff,
  ReparseImport,
  ReparseReviewChange,
} from '../../../shared/channels/library'
import type { ImportRecord, Review, Work } from '../../../shared/domain'
import { NotFoundError } from '../errors'
import type { Library } from '../library/library'
import { readManifests, type ManifestEntry } from './kept-sources'
import { SOURCE_FIELDS, sameSource, toReview, workOfReview } from './merge'
import { parseKept } from './parse-kept'

// Re-parse: after a parser upgrade, read every kept source again and compare what today's parsers
// make of it with what the library holds. Reviews are matched by id (work, byline, headline), so
// curation, kept apart by id, stays with its review. Reviews of imports whose source was not kept
// (or is unreadable, or a restored export) are never counted as removed.

/** One work's reviews before and after (null: the work does not exist / is removed). */
export interface ReparseWork {
  work: Work
  before: Review[] | null
  after: Review[] | null
}

export interface ReparsePlan {
  diff: ReparseDiff
  works: ReparseWork[]
}

/** The import id a record belongs to (a multi-file import's records are `<importId>_<n>`). */
const importIdOf = (record: ImportRecord, kept: Map<string, { importId: string }>) =>
  kept.get(record.id)?.importId ?? record.id.replace(/^(im_\d+_\d+)_\d+$/, '$1')

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

interface Produced {
  review: Review
  work: Work
  recordId: string
}

/** Reads every kept source and plans what re-parsing would change (writes nothing). */
export async function planReparse(library: Library, only?: string): Promise<ReparsePlan> {
  if (only && !library.imports.some((r) => r.id === only || importIdOf(r, new Map()) === only)) {
    throw new NotFoundError(
      `No import ${only} in this library; re-parse without an import id lists them`,
    )
  }
  const { manifests } = await readManifests(library.dir)
  const kept = new Map<string, { importId: string; entry: ManifestEntry }>()
  for (const m of manifests)
    for (const e of m.files) kept.set(e.recordId, { importId: m.importId, entry: e })

  const rows = new Map<string, ReparseImport>()
  const produced = new Map<string, Produced>()
  // Imports not wholly re-read: their stored reviews are left alone.
  const partial = new Set<string>()
  const reread = new Set<string>()
  for (const record of library.imports) {
    const importId = importIdOf(record, kept)
    const row: ReparseImport = {
      recordId: record.id,
      fileName: record.fileName,
      importedAt: record.importedAt,
      status: 'reparsed',
      message: null,
      added: 0,
      removed: 0,
      changed: 0,
    }
    rows.set(record.id, row)
    const source = kept.get(record.id)
    const skip = (status: ReparseImport['status'], message: string) => {
      row.status = status
      row.message = message
      partial.add(importId)
    }
    if (!source) {
      skip('no-source', 'no source kept (imported before Review Curator kept sources)')
      continue
    }
    let parsed
    try {
      parsed = await parseKept(library.dir, source.entry)
    } catch (e) {
      skip('unreadable', messageOf(e))
      continue
    }
    if (parsed.restore) {
      skip('restore', 'a restored export: its reviews are kept as exported, not re-parsed')
      continue
    }
    reread.add(importId)
    const seen = new Set<string>()
    for (const p of parsed.result.reviews) {
      const work = workOfReview(p, parsed.result, parsed.fileName)
      const review = toReview(p, work, importId, record.importedAt)
      // As the import merged them: the first copy in a file wins, a later file wins over an
      // earlier one, and a cut-off copy never replaces a complete review.
      if (seen.has(review.id)) continue
      seen.add(review.id)
      const earlier = produced.get(review.id)
      if (earlier && review.truncated && !earlier.review.truncated) continue
      produced.set(review.id, { review, work, recordId: record.id })
    }
  }

  const selected = (recordId: string) =>
    !only ||
    recordId === only ||
    importIdOf(
      library.imports.find((r) => r.id === recordId)!,
      kept,
    ) === only
  const changes: (ReparseReviewChange & { next: Review | null; work: Work })[] = []
  for (const { review, work, recordId } of produced.values()) {
    if (!selected(recordId)) continue
    const stored = library.getReview(review.id)
    const base = { id: review.id, title: review.title, author: review.author, recordId }
    if (!stored) {
      changes.push({
        ...base,
        kind: 'added',
        workTitle: work.title,
        fields: [],
        next: review,
        work,
      })
    } else if (!sameSource(stored, review)) {
      const fields = SOURCE_FIELDS.filter(
        (f) => JSON.stringify(stored[f]) !== JSON.stringify(review[f]),
      )
      const storedWork = library.getWork(stored.workId) ?? work
      changes.push({
        ...base,
        kind: 'changed',
        workTitle: storedWork.title,
        fields: [...fields],
        next: { ...review, importId: stored.importId, importedAt: stored.importedAt },
        work: storedWork,
      })
    }
  }
  for (const stored of library.allReviews()) {
    if (produced.has(stored.id) || partial.has(stored.importId) || !reread.has(stored.importId))
      continue
    const record = library.imports.find((r) => importIdOf(r, kept) === stored.importId)
    if (!record || !selected(record.id)) continue
    const work = library.getWork(stored.workId) ?? { id: stored.workId, title: '', year: null }
    changes.push({
      kind: 'removed',
      id: stored.id,
      workTitle: work.title,
      title: stored.title,
      author: stored.author,
      fields: [],
      recordId: record.id,
      next: null,
      work,
    })
  }

  const count = (kind: ReparseReviewChange['kind']) => changes.filter((c) => c.kind === kind).length
  for (const c of changes) rows.get(c.recordId)![c.kind]++
  const diff: ReparseDiff = {
    imports: [...rows.values()].filter((r) => selected(r.recordId)),
    added: count('added'),
    removed: count('removed'),
    changed: count('changed'),
    reviews: changes
      .slice(0, REPORT_LIST_CAP)
      .map(({ next: _next, work: _work, ...change }) => change),
    applied: null,
  }
  return { diff, works: worksOf(library, changes) }
}

/** Each touched work's reviews before and after the changes, in stored order, new ones last. */
function worksOf(
  library: Library,
  changes: { id: string; next: Review | null; work: Work; kind: string }[],
): ReparseWork[] {
  const byWork = new Map<string, { work: Work; changes: typeof changes }>()
  for (const c of changes) {
    const group = byWork.get(c.work.id) ?? { work: c.work, changes: [] }
    group.changes.push(c)
    byWork.set(c.work.id, group)
  }
  return [...byWork.values()].map(({ work, changes: mine }) => {
    const exists = library.getWork(work.id) !== undefined
    const before = exists ? library.reviewsOfWork(work.id) : null
    const byId = new Map((before ?? []).map((r) => [r.id, r]))
    for (const c of mine) {
      if (c.next) byId.set(c.id, c.next)
      else byId.delete(c.id)
    }
    const after = [...byId.values()]
    return {
      work: exists ? library.getWork(work.id)! : work,
      before,
      after: after.length ? after : null,
    }
  })
}
