import type { ParseResult, ParsedReview, Review, Work, WorkRef } from '../../../shared/domain'
import type { RestorePlan } from '../export/restore-parse'
import type { Library } from '../library/library'
import { reviewId, workId } from '../library/identity'
import type { KeptSource } from './kept-sources'
import type { StepProgress } from './run-steps'

const PLAN_STEP = 2000

// Merging is planned before anything is written: the preview shows the plan's counts, and the
// commit applies a fresh plan, so a rejected or cancelled import never touches the library.

export interface ParsedFile {
  fileName: string
  result: ParseResult
  /** Set when the file is our own export: it is restored (ids, curation, tags), not merged. */
  restore?: RestorePlan
  /** The bytes it was read from and how, kept in the library with the import. */
  source?: KeptSource
}

/** What one import does to one work: the reviews before (null: the work is new) and after. */
export interface WorkChange {
  work: Work
  before: Review[] | null
  after: Review[]
  added: string[]
  updated: string[]
}

export interface FilePlan {
  fileName: string
  works: Work[]
  added: number
  updated: number
  unchanged: number
  changes: WorkChange[]
}

export const SOURCE_FIELDS = [
  'rating',
  'title',
  'author',
  'date',
  'bylineRaw',
  'bylineAmbiguous',
  'bylineAlternatives',
  'spoiler',
  'helpful',
  'body',
  'truncated',
] as const

export function sameSource(a: Review, b: Review): boolean {
  return SOURCE_FIELDS.every((f) => JSON.stringify(a[f]) === JSON.stringify(b[f]))
}

/** A copy without the page header still needs a work: the file name is the best name we have. */
export function fallbackWork(fileName: string): WorkRef {
  return { title: fileName.replace(/\.[^.]+$/, '') || fileName, year: null }
}

/** Per-user pages name a work per review; everything else files reviews under the page's work. */
export function workOfReview(review: ParsedReview, result: ParseResult, fileName: string): Work {
  const ref = review.work ?? result.work ?? fallbackWork(fileName)
  return { id: workId(ref), title: ref.title, year: ref.year }
}

/**
 * A review is known by its byline and headline. Rows of a scraper's CSV may have neither; then
 * the text itself is all that tells two reviews apart (otherwise every such row would collapse
 * into one).
 */
function identityOf(p: ParsedReview, work: Work): string {
  const anonymous = p.bylineRaw.trim() === '' && p.title.trim() === ''
  return reviewId(work.id, p.bylineRaw, anonymous ? `\u0000${p.body}` : p.title)
}

export function toReview(p: ParsedReview, work: Work, importId: string, now: string): Review {
  return {
    id: identityOf(p, work),
    workId: work.id,
    rating: p.rating,
    title: p.title,
    author: p.author,
    date: p.date,
    bylineRaw: p.bylineRaw,
    bylineAmbiguous: p.bylineAmbiguous,
    bylineAlternatives: p.bylineAlternatives,
    spoiler: p.spoiler,
    helpful: p.helpful,
    body: p.body,
    truncated: p.truncated,
    importId,
    importedAt: now,
  }
}

/**
 * Plans the merge of one parsed file, on top of `pending` (works already changed by earlier
 * files of the same import). New reviews are added; changed source fields are updated but the
 * review keeps its first import; a cut-off copy never replaces a complete review; reviews missing
 * from the newer copy stay. Curation lives apart, keyed by review id, so it is never touched.
 */
export function* planFileSteps(
  library: Library,
  parsed: ParsedFile,
  importId: string,
  now: string,
  pending: Map<string, Review[]> = new Map(),
): Generator<StepProgress, FilePlan, void> {
  const total = parsed.result.reviews.length
  let done = 0
  const groups = new Map<string, { work: Work; reviews: ParsedReview[] }>()
  let grouped = 0
  for (const p of parsed.result.reviews) {
    // Naming the work hashes it: 150,000 reviews take a second, so the caller may yield here too.
    if (++grouped % PLAN_STEP === 0) yield { done: 0, total }
    const work = workOfReview(p, parsed.result, parsed.fileName)
    const group = groups.get(work.id) ?? { work, reviews: [] }
    group.reviews.push(p)
    groups.set(work.id, group)
  }
  const plan: FilePlan = {
    fileName: parsed.fileName,
    works: [],
    added: 0,
    updated: 0,
    unchanged: 0,
    changes: [],
  }
  for (const { work, reviews } of groups.values()) {
    plan.works.push(work)
    const stored = library.getWork(work.id) ? library.reviewsOfWork(work.id) : null
    const before = pending.get(work.id) ?? stored
    const byId = new Map((before ?? []).map((r) => [r.id, r]))
    const change: WorkChange = { work, before, after: [], added: [], updated: [] }
    const seen = new Set<string>()
    for (const p of reviews) {
      // Hashing ids of 150,000 reviews takes seconds: report (and let the caller yield) often.
      if (++done % PLAN_STEP === 0) yield { done, total }
      const incoming = toReview(p, work, importId, now)
      if (seen.has(incoming.id)) continue // the same review pasted twice in one dump
      seen.add(incoming.id)
      const existing = byId.get(incoming.id)
      if (!existing) {
        byId.set(incoming.id, incoming)
        change.added.push(incoming.id)
      } else if (sameSource(existing, incoming) || (incoming.truncated && !existing.truncated)) {
        plan.unchanged++
      } else {
        byId.set(incoming.id, {
          ...incoming,
          importId: existing.importId,
          importedAt: existing.importedAt,
        })
        change.updated.push(incoming.id)
      }
    }
    plan.added += change.added.length
    plan.updated += change.updated.length
    if (change.added.length + change.updated.length > 0 || before === null) {
      change.after = [...byId.values()]
      pending.set(work.id, change.after)
      plan.changes.push(change)
    }
  }
  return plan
}
