import type { FilePreview, ImportPreview, PreviewRow } from '../../../shared/channels/import'
import { PREVIEW_SAMPLE_ROWS, REPORT_LIST_CAP } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import { BadInputError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { workOfReview, type ParsedFile } from '../../domain/import/merge'
import { planImportSteps } from '../../domain/import/plan-import'
import { parseInput, type ImportInput } from '../../domain/import/parse-input'
import { readInputs, type ProgressSink } from '../../domain/import/read-inputs'
import { ambiguousOf } from '../../domain/import/report'
import { runInSlices, type SliceOptions } from '../../domain/import/run-steps'
import type { ImportSource } from '../../domain/import/sources'
import type { PreviewEntry, PreviewStore } from './preview-store'
import { commitImport } from './apply-import'

// The import pipeline with a pause before the apply step: read and parse now, show what would
// change, and apply only on Commit (through commitImport, like every other import).

/** Reads and parses every source, keeping per-file errors for the preview to show. */
export async function createPreview(
  library: Library,
  store: PreviewStore,
  sources: ImportSource[],
  options: ParseOptions,
  progress: ProgressSink,
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const files = await readInputs(sources, options, progress, signal)
  const described: FilePreview[] = []
  for (const f of files) described.push(await describeFile(library, f, signal))
  return { previewId: store.add(files).id, files: described }
}

export async function reparseFile(
  library: Library,
  entry: PreviewEntry,
  index: number,
  options: ParseOptions,
  slices: SliceOptions,
): Promise<FilePreview> {
  const file = entry.files[index]
  if (!file) throw new BadInputError(`This preview has no file number ${index + 1}`)
  file.options = { ...options }
  await parseInput(file, slices)
  return describeFile(library, file, slices.signal)
}

/** Imports every file of the preview that parsed; the files with errors are left out. */
export async function commitPreview(library: Library, entry: PreviewEntry) {
  const ready = entry.files.flatMap((f) => (f.parsed ? [f.parsed] : []))
  if (ready.length === 0) {
    const reasons = entry.files.map((f) => f.error ?? `${f.fileName}: nothing to import`)
    throw new BadInputError(reasons.join('\n'))
  }
  return commitImport(library, ready)
}

function rowsOf(parsed: ParsedFile): PreviewRow[] {
  return parsed.result.reviews.slice(0, PREVIEW_SAMPLE_ROWS).map((r) => {
    const work = workOfReview(r, parsed.result, parsed.fileName)
    return {
      line: r.line,
      work: { title: work.title, year: work.year },
      rating: r.rating,
      title: r.title,
      author: r.author,
      date: r.date,
      helpful: r.helpful,
      spoiler: r.spoiler,
      truncated: r.truncated,
      excerpt: r.body.length > 240 ? `${r.body.slice(0, 239)}…` : r.body,
    }
  })
}

export async function describeFile(
  library: Library,
  file: ImportInput,
  signal?: AbortSignal,
): Promise<FilePreview> {
  const base: FilePreview = {
    fileName: file.fileName,
    sizeBytes: file.sizeBytes,
    error: file.error,
    formatOverride: file.options.format ?? null,
    format: null,
    encoding: file.decoded?.encoding ?? null,
    generic: false,
    works: [],
    found: 0,
    declared: null,
    incomplete: false,
    rows: [],
    ambiguousBylines: [],
    ambiguousCount: 0,
    warnings: [],
    warningCount: 0,
    fragments: [],
    fragmentCount: 0,
    columns: file.columns,
    ratingScale: file.options.ratingScale ?? null,
    wouldAdd: 0,
    wouldUpdate: 0,
    wouldKeep: 0,
  }
  if (!file.parsed) return base
  const { result } = file.parsed
  const { warnings } = result
  // The same planner the commit uses, so the counts shown are the counts committed.
  const plan = (await runInSlices(planImportSteps(library, [file.parsed]), { signal })).files[0]!
  const ambiguous = ambiguousOf(result)
  return {
    ...base,
    format: result.format,
    encoding: result.encoding ?? base.encoding,
    generic: result.generic === true,
    works: plan.works,
    found: result.reviews.length,
    declared: result.declaredCount,
    incomplete: result.incomplete,
    rows: rowsOf(file.parsed),
    ambiguousBylines: ambiguous.slice(0, REPORT_LIST_CAP),
    ambiguousCount: ambiguous.length,
    warnings: warnings.slice(0, REPORT_LIST_CAP),
    warningCount: warnings.length,
    fragments: result.fragments.slice(0, REPORT_LIST_CAP),
    fragmentCount: result.fragments.length,
    columns: result.columns ?? null,
    wouldAdd: plan.added,
    wouldUpdate: plan.updated,
    wouldKeep: plan.unchanged,
  }
}
