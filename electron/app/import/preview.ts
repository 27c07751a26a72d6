import type { FilePreview, ImportPreview, PreviewRow } from '../../../shared/channels/import'
import { PREVIEW_SAMPLE_ROWS, REPORT_LIST_CAP } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import { BadInputError, CuratorError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { MappingNeededError } from '../../domain/parsers'
import { importParsed } from './import-service'
import { planFileSteps, workOfReview, type ParsedFile } from '../../domain/import/merge'
import { parseDecoded, type DecodedFile } from '../../domain/import/parse-file'
import type { PreviewEntry, PreviewFile, PreviewStore } from './preview-store'
import { ambiguousOf } from '../../domain/import/report'
import { restoreOwnExport } from './restore-own'
import { ImportCancelledError, runInSlices, type SliceOptions } from '../../domain/import/run-steps'

/** A file waiting to be read: bytes come lazily so the size cap and progress apply to reading. */
export interface PreviewInput {
  fileName: string
  size: number
  load: (onRead: (bytes: number) => void, signal?: AbortSignal) => Promise<DecodedFile>
}

export interface ProgressSink {
  (phase: 'reading' | 'parsing' | 'writing', fileName: string, fraction: number): void
}

const READ_SHARE = 0.15

function messageOf(error: unknown, fileName: string): string {
  if (error instanceof CuratorError) return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `${fileName} could not be read: the parser failed (${detail})`
}

async function parseInto(file: PreviewFile, slices: SliceOptions): Promise<void> {
  // A file that could not be read keeps its reading error: there is nothing to parse.
  if (!file.decoded) return
  file.parsed = null
  file.error = null
  file.columns = null
  try {
    const result = await parseDecoded(file.decoded, file.options, slices)
    file.parsed = { fileName: file.fileName, result }
  } catch (error) {
    if (error instanceof ImportCancelledError) throw error
    file.error = messageOf(error, file.fileName)
    if (error instanceof MappingNeededError) file.columns = error.columns
  }
}

/** Reads and parses every input, keeping per-file errors for the preview to show. */
export async function createPreview(
  library: Library,
  store: PreviewStore,
  inputs: PreviewInput[],
  options: ParseOptions,
  progress: ProgressSink,
  signal?: AbortSignal,
): Promise<ImportPreview> {
  const total = Math.max(
    1,
    inputs.reduce((n, i) => n + i.size, 0),
  )
  let before = 0
  const files: PreviewFile[] = []
  for (const input of inputs) {
    const share = Math.max(input.size, 1) / total
    const at = (part: number) => (before + part * share * total) / total
    const file: PreviewFile = {
      fileName: input.fileName,
      sizeBytes: input.size,
      decoded: null,
      options: { ...options },
      parsed: null,
      error: null,
      columns: null,
    }
    files.push(file)
    try {
      progress('reading', input.fileName, at(0))
      file.decoded = await input.load(
        (read) =>
          progress('reading', input.fileName, at((read / Math.max(input.size, 1)) * READ_SHARE)),
        signal,
      )
    } catch (error) {
      if (error instanceof ImportCancelledError) throw error
      file.error = messageOf(error, input.fileName)
    }
    await parseInto(file, {
      signal,
      onProgress: ({ done, total: steps }) =>
        progress(
          'parsing',
          input.fileName,
          at(READ_SHARE + (1 - READ_SHARE) * (done / Math.max(steps, 1))),
        ),
    })
    before += Math.max(input.size, 1)
  }
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
  await parseInto(file, slices)
  return describeFile(library, file, slices.signal)
}

/** Imports every file of the preview that parsed; the files with errors are left out. */
export async function commitPreview(library: Library, entry: PreviewEntry) {
  // Our own JSON/JSONL export is restored (ids, curation, tag colours), not imported as plain JSON.
  const asOwn = (f: PreviewFile) =>
    !f.options.format || f.options.format === 'review-curator-export'
  if (entry.files.every(asOwn)) {
    const decoded = entry.files.flatMap((f) => (f.decoded ? [f.decoded] : []))
    const restored = await restoreOwnExport(library, decoded)
    if (restored) return restored
  }
  const ready = entry.files.flatMap((f) => (f.parsed ? [f.parsed] : []))
  if (ready.length === 0) {
    const reasons = entry.files.map((f) => f.error ?? `${f.fileName}: nothing to import`)
    throw new BadInputError(reasons.join('\n'))
  }
  return importParsed(library, ready)
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
  file: PreviewFile,
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
  // Committing restores our own export with its curation: the parser's "reviews only" note
  // describes the plain-JSON reading, which the commit does not use.
  const restoring = result.format === 'review-curator-export' && !file.options.format
  const warnings = restoring
    ? result.warnings.filter((w) => w.code !== 'own-export-as-json')
    : result.warnings
  const plan = await runInSlices(
    planFileSteps(library, file.parsed, 'im_preview', new Date(0).toISOString()),
    { signal },
  )
  const ambiguous = ambiguousOf(result)
  return {
    ...base,
    format: result.format,
    encoding: result.encoding ?? base.encoding,
    generic: result.generic === true,
    works: plan.works.map((w) => ({ title: w.title, year: w.year })),
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
