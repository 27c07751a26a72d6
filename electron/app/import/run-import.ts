import type { ImportReport } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import { BadInputError } from '../../domain/errors'
import type { ParsedFile } from '../../domain/import/merge'
import { dryRunReport, planImportSteps } from '../../domain/import/plan-import'
import { readInputs, type ProgressSink } from '../../domain/import/read-inputs'
import { runInSlices, throwIfCancelled } from '../../domain/import/run-steps'
import { pathSources, textSource, type ImportSource } from '../../domain/import/sources'
import type { Library } from '../../domain/library/library'
import { commitImport } from './apply-import'

export interface RunImportOptions {
  parse?: ParseOptions
  /** Plan and report, write nothing. */
  dryRun?: boolean
  onProgress?: ProgressSink
  signal?: AbortSignal
  /** Refuse files over this many bytes (default MAX_IMPORT_BYTES). */
  cap?: number
}

/**
 * The whole import pipeline without a preview step (the CLI, the sample, scripts): read → decode
 * → detect → parse every source, then plan and apply through commitImport. One bad file refuses
 * the whole import, named in the error, before anything is written.
 */
export async function runImport(
  library: Library,
  sources: ImportSource[],
  options: RunImportOptions = {},
): Promise<ImportReport> {
  const { parse = {}, dryRun = false, onProgress, signal } = options
  const inputs = await readInputs(sources, parse, onProgress, signal)
  throwIfCancelled(signal)
  const failed = inputs.find((i) => i.error !== null)
  if (failed) throw new BadInputError(failed.error!)
  const parsed = inputs.map((i) => i.parsed!) satisfies ParsedFile[]
  if (dryRun) return dryRunReport(await runInSlices(planImportSteps(library, parsed), { signal }))
  onProgress?.('writing', sources.at(-1)?.fileName ?? '', 1)
  return commitImport(library, parsed)
}

/** Imports files from disk (the CLI's `import`). */
export async function importPaths(
  library: Library,
  paths: string[],
  options: RunImportOptions = {},
): Promise<ImportReport> {
  return runImport(library, await pathSources(paths, options.cap), options)
}

/** Imports text that is already in memory (the bundled sample). */
export function importText(
  library: Library,
  fileName: string,
  content: string,
): Promise<ImportReport> {
  return runImport(library, [textSource(fileName, content)])
}
