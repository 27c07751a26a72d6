import type { ImportReport } from '../../../shared/contract'
import type { ParseOptions } from '../../../shared/domain'
import { restoreIfExport } from './restore-export'
import type { Library } from '../../domain/library/library'
import { planFileSteps, type FilePlan, type ParsedFile } from '../../domain/import/merge'
import { runInSlices, type StepProgress } from '../../domain/import/run-steps'
import { decodeFile, parseDecodedNow } from '../../domain/import/parse-file'
import { readDumpFile, statDumpFiles, type DumpBytes } from '../../domain/import/read-files'
import { fileReport, importRecord } from '../../domain/import/report'
import { applyImport, registerHistoryStep, registerImport, type AppliedImport } from './undo-import'

export type { ParsedFile } from '../../domain/import/merge'

// The one door every import goes through (file dialog, drop, paste preview, sample, CLI): parse
// everything first, plan the merge, then write. A bad file or a cancel stops before the first write.

/** Reads files for import; a missing, unreadable or oversized file is rejected with its name. */
export async function readDumpFiles(paths: string[]): Promise<DumpBytes[]> {
  const files = await statDumpFiles(paths)
  const out: DumpBytes[] = []
  for (const f of files)
    out.push({ fileName: f.fileName, bytes: await readDumpFile(f.path, f.size) })
  return out
}

/** Parses every input before anything is written, so one bad file leaves the library untouched. */
export function parseDumps(inputs: DumpBytes[], options: ParseOptions = {}): ParsedFile[] {
  return inputs.map(({ fileName, bytes }) => ({
    fileName,
    result: parseDecodedNow(decodeFile(fileName, bytes), options),
  }))
}

interface Planned {
  importId: string
  now: string
  plans: { parsed: ParsedFile; plan: FilePlan; recordId: string }[]
}

function* planAll(library: Library, files: ParsedFile[]): Generator<StepProgress, Planned, void> {
  const now = library.now().toISOString()
  const stamp = now.replace(/\D/g, '')
  const importId = `im_${stamp}_${library.imports.length + 1}`
  const pending = new Map()
  const plans: Planned['plans'] = []
  for (const [i, parsed] of files.entries()) {
    plans.push({
      parsed,
      recordId: files.length === 1 ? importId : `${importId}_${i + 1}`,
      plan: yield* planFileSteps(library, parsed, importId, now, pending),
    })
  }
  return { importId, now, plans }
}

function planNow(library: Library, files: ParsedFile[]): Planned {
  const steps = planAll(library, files)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/** What importing would do, with nothing written: the CLI's --dry-run and the preview's counts. */
export function planImport(library: Library, files: ParsedFile[]): ImportReport {
  const { importId, plans } = planNow(library, files)
  return {
    importId,
    dryRun: true,
    files: plans.map(({ parsed, plan, recordId }) => fileReport(parsed, plan, recordId)),
  }
}

/** Imports parsed files as one undoable step: undo removes what it added, restores what it changed. */
export async function importParsed(library: Library, files: ParsedFile[]): Promise<ImportReport> {
  // Planning hashes every review id: done in time slices so a huge import keeps main responsive.
  const { importId, now, plans } = await runInSlices(planAll(library, files))
  const imp: AppliedImport = {
    importId,
    label: `Import ${files.map((f) => f.fileName).join(', ')}`,
    records: plans.map(({ parsed, plan, recordId }) => importRecord(parsed, plan, recordId, now)),
    changes: plans.flatMap(({ plan }) => plan.changes),
    fragments: plans.map(({ parsed, recordId }) => ({
      recordId,
      fileName: parsed.fileName,
      fragments: parsed.result.fragments,
    })),
    applied: false,
    historyId: null,
  }
  await applyImport(library, imp)
  registerImport(library, imp)
  return {
    importId,
    files: plans.map(({ parsed, plan, recordId }) => fileReport(parsed, plan, recordId)),
  }
}

export async function importFiles(
  library: Library,
  paths: string[],
  options: ParseOptions = {},
): Promise<ImportReport> {
  const inputs = await readDumpFiles(paths)
  // Our own JSON/JSONL export is restored (ids and curation kept), not parsed as a dump.
  const restored = options.format ? null : await restoreIfExport(library, inputs)
  if (restored)
    registerHistoryStep(library, restored.importId, `Restore ${restored.files[0]?.fileName}`)
  return restored ?? importParsed(library, parseDumps(inputs, options))
}

/** Text the renderer read from a dropped or pasted file; decoded like a file's bytes would be. */
export async function importText(
  library: Library,
  fileName: string,
  content: string,
): Promise<ImportReport> {
  const bytes = new TextEncoder().encode(content)
  const restored = await restoreIfExport(library, [{ fileName, bytes }])
  if (restored) registerHistoryStep(library, restored.importId, `Restore ${fileName}`)
  return restored ?? importParsed(library, parseDumps([{ fileName, bytes }]))
}
