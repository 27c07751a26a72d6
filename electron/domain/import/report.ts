import type { AmbiguousByline, FileImportReport } from '../../../shared/channels/import'
import { REPORT_LIST_CAP } from '../../../shared/channels/import'
import type { ImportRecord, ParseResult } from '../../../shared/domain'
import type { FilePlan, ParsedFile } from './merge'

export function ambiguousOf(result: ParseResult): AmbiguousByline[] {
  const out: AmbiguousByline[] = []
  for (const r of result.reviews) {
    if (!r.bylineAmbiguous) continue
    out.push({ line: r.line, bylineRaw: r.bylineRaw, alternatives: r.bylineAlternatives })
  }
  return out
}

/** What one file of an import added, updated and left alone, whichever planner counted it. */
export type FileCounts = Pick<FilePlan, 'added' | 'updated' | 'unchanged'> & {
  works: { title: string; year: number | null }[]
}

/** The one builder of a file's import report, for the merge and the restore planners alike. */
export function fileReport(
  parsed: ParsedFile,
  plan: FileCounts,
  recordId: string,
): FileImportReport {
  const { result } = parsed
  const ambiguous = ambiguousOf(result)
  return {
    fileName: parsed.fileName,
    recordId,
    format: result.format,
    encoding: result.encoding ?? null,
    generic: result.generic === true,
    works: plan.works.map((w) => ({ title: w.title, year: w.year })),
    found: result.reviews.length,
    declared: result.declaredCount,
    incomplete: result.incomplete,
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    ambiguousBylines: ambiguous.slice(0, REPORT_LIST_CAP),
    ambiguousCount: ambiguous.length,
    warnings: result.warnings.slice(0, REPORT_LIST_CAP),
    warningCount: result.warnings.length,
    fragments: result.fragments.slice(0, REPORT_LIST_CAP),
    fragmentCount: result.fragments.length,
    ...(result.detection === undefined ? {} : { detection: result.detection }),
  }
}

export function importRecord(
  parsed: ParsedFile,
  plan: FilePlan,
  recordId: string,
  importedAt: string,
): ImportRecord {
  const { result } = parsed
  return {
    id: recordId,
    fileName: parsed.fileName,
    format: result.format,
    importedAt,
    workIds: plan.works.map((w) => w.id),
    found: result.reviews.length,
    declared: result.declaredCount,
    added: plan.added,
    updated: plan.updated,
    unchanged: plan.unchanged,
    fragmentCount: result.fragments.length,
  }
}
