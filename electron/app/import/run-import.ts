import type { ImportReport } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import type { Library } from '../../domain/library/library'
import { importParsed, planImport } from './import-service'
import type { ParsedFile } from '../../domain/import/merge'
import { decodeFileInSlices, parseDecoded } from '../../domain/import/parse-file'
import { readDumpFile, statDumpFiles } from '../../domain/import/read-files'
import { restoreOwnExport } from './restore-own'
import { throwIfCancelled } from '../../domain/import/run-steps'

export interface RunImportOptions {
  parse?: ParseOptions
  /** Plan and report, write nothing. */
  dryRun?: boolean
  onProgress?: (
    phase: 'reading' | 'parsing' | 'writing',
    fileName: string,
    fraction: number,
  ) => void
  signal?: AbortSignal
  /** Refuse files over this many bytes (default MAX_IMPORT_BYTES). */
  cap?: number
}

const READ_SHARE = 0.15

/**
 * Imports files from disk for the CLI (and anything else without a preview step): every file is
 * checked, read and parsed in time slices, with progress, before the first write. A bad file,
 * an oversized one or a cancel stops it with the library untouched.
 */
export async function importPaths(
  library: Library,
  paths: string[],
  options: RunImportOptions = {},
): Promise<ImportReport> {
  const { parse = {}, dryRun = false, onProgress, signal, cap } = options
  const files = await statDumpFiles(paths, cap)
  const total = Math.max(
    1,
    files.reduce((n, f) => n + f.size, 0),
  )
  let before = 0
  const parsed: ParsedFile[] = []
  const texts: { fileName: string; text: string }[] = []
  for (const f of files) {
    const at = (part: number) => (before + part * Math.max(f.size, 1)) / total
    // The bytes are dropped once decoded: holding 200 MB of them through the parse costs RSS.
    const decoded = await decodeFileInSlices(
      f.fileName,
      await readDumpFile(
        f.path,
        f.size,
        (read) =>
          onProgress?.('reading', f.fileName, at((read / Math.max(f.size, 1)) * READ_SHARE)),
        signal,
      ),
      { signal },
    )
    const result = await parseDecoded(decoded, parse, {
      signal,
      onProgress: ({ done, total: steps }) =>
        onProgress?.(
          'parsing',
          f.fileName,
          at(READ_SHARE + (1 - READ_SHARE) * (done / Math.max(steps, 1))),
        ),
    })
    parsed.push({ fileName: f.fileName, result })
    texts.push(decoded)
    before += Math.max(f.size, 1)
  }
  throwIfCancelled(signal)
  if (dryRun) return planImport(library, parsed)
  onProgress?.('writing', files.at(-1)?.fileName ?? '', 1)
  return (await restoreOwnExport(library, texts, parse)) ?? importParsed(library, parsed)
}
