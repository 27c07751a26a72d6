import { workLabel } from '../../../shared/work-label'
import type { ExportOptions } from '../../../shared/channels/export'
import type { Tag, Work } from '../../../shared/domain'
import type { Library } from '../library/library'
import type { Match } from '../queries/query-service'
import type { ResolvedScope } from './select'

/** Everything a format writer needs, gathered once before the first byte is written. */
export interface ExportContext {
  library: Library
  scope: ResolvedScope
  options: ExportOptions
  exportedAt: string
  /** The report's heading (HTML, PDF, quote sheets): the user's, or one from the work and scope. */
  title: string
  /** Language of the dates written for people (report, quote sheet); CSV and JSON stay ISO. */
  locale: string
  /** The reviews to write, in order. */
  matches: Match[]
}

/**
 * A format as three string producers: the head (which may summarise every match, e.g. the
 * histogram), one piece per review, and the tail. The runner streams them to disk in chunks.
 */
export interface FormatWriter {
  head(): string
  row(match: Match, index: number): string
  tail(): string
}

export { workLabel }

/** The works of the matches, in order of first appearance. */
export function worksOf(ctx: Pick<ExportContext, 'library' | 'matches'>): Work[] {
  const seen = new Map<string, Work>()
  for (const { review } of ctx.matches) {
    if (seen.has(review.workId)) continue
    seen.set(review.workId, ctx.library.getWork(review.workId) ?? missingWork(review.workId))
  }
  return [...seen.values()]
}

const missingWork = (id: string): Work => ({ id, title: '', year: null })

/** The library's tags the matches use (every tag when the whole library is exported). */
export function tagsOf(ctx: ExportContext, everything: boolean): Tag[] {
  if (everything) return [...ctx.library.tags]
  const used = new Set<string>()
  for (const { curation } of ctx.matches) for (const t of curation.tags) used.add(t.toLowerCase())
  return ctx.library.tags.filter((t) => used.has(t.name.toLowerCase()))
}
