import type { ImportReport } from '../../../shared/channels/import'
import { BadInputError } from '../errors'
import type { ExtraWrite, Library } from '../library/library'
import { sourcesWrite } from './kept-sources'
import { emptyChange, type ImportPlan } from './import-change'
import { planFileSteps, type ParsedFile } from './merge'
import { planRestoreFile } from './plan-restore'
import { fileReport, importRecord } from './report'
import type { StepProgress } from './run-steps'

/**
 * The plan step of the import pipeline: what importing these parsed files would add, update and
 * leave alone, written nowhere. Our own exports get the restore planner, everything else the
 * merge planner; both fill the same ImportChange.
 */
export function* planImportSteps(
  library: Library,
  files: ParsedFile[],
): Generator<StepProgress, ImportPlan, void> {
  if (files.length === 0) throw new BadInputError('Nothing to import')
  const now = library.now().toISOString()
  const stamp = now.replace(/\D/g, '')
  const ours = files.filter((f) => f.restore)
  if (ours.length > 0) {
    if (ours.length !== files.length) {
      const other = files.find((f) => !f.restore)!
      throw new BadInputError(
        `${ours[0]!.fileName} is a Review Curator export; import it on its own, apart from ${other.fileName}`,
      )
    }
    const importId = `rs_${stamp}`
    const change = emptyChange()
    const reports = ours.map((f) =>
      fileReport(f, planRestoreFile(library, f.fileName, f.restore!, change), importId),
    )
    change.kept = keptOf(importId, now, files)
    return {
      importId,
      label: `Restore ${files.map((f) => f.fileName).join(', ')}`,
      change,
      files: reports,
    }
  }
  const importId = `im_${stamp}_${library.imports.length + 1}`
  const change = emptyChange()
  const pending = new Map()
  const reports = []
  for (const [i, parsed] of files.entries()) {
    const recordId = files.length === 1 ? importId : `${importId}_${i + 1}`
    const plan = yield* planFileSteps(library, parsed, importId, now, pending)
    // A later file of the same import may change a work again: its last change wins.
    for (const c of plan.changes) {
      const at = change.works.findIndex((w) => w.work.id === c.work.id)
      if (at === -1) change.works.push(c)
      else {
        const first = change.works[at]!
        change.works[at] = {
          ...c,
          before: first.before,
          added: [...first.added, ...c.added],
          updated: [...first.updated, ...c.updated],
        }
      }
    }
    change.records.push(importRecord(parsed, plan, recordId, now))
    change.fragments.push({
      recordId,
      fileName: parsed.fileName,
      fragments: parsed.result.fragments,
    })
    reports.push(fileReport(parsed, plan, recordId))
  }
  change.kept = keptOf(importId, now, files)
  return {
    importId,
    label: `Import ${files.map((f) => f.fileName).join(', ')}`,
    change,
    files: reports,
  }
}

/** The sources to keep with the import: each file's bytes, named by its import record. */
function keptOf(importId: string, now: string, files: ParsedFile[]): ExtraWrite[] {
  return sourcesWrite(
    importId,
    now,
    files.flatMap((f, i) =>
      f.source
        ? [
            {
              recordId: files.length === 1 ? importId : `${importId}_${i + 1}`,
              fileName: f.fileName,
              format: f.result.format,
              source: f.source,
            },
          ]
        : [],
    ),
  )
}

/** The plan without yielding (small inputs, dry runs). */
export function planNow(library: Library, files: ParsedFile[]): ImportPlan {
  const steps = planImportSteps(library, files)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** What importing would do, as the report a dry run prints. */
export function dryRunReport(plan: ImportPlan): ImportReport {
  return { importId: plan.importId, dryRun: true, files: plan.files }
}
