import type { ParsedFile } from './merge'
import { KeptSourceError, loadKeptBytes, type ManifestEntry } from './kept-sources'
import { decodeFileInSlices } from './parse-file'
import { parseInput, type ImportInput } from './parse-input'
import type { SliceOptions } from './run-steps'

/**
 * Reads one kept source through today's import pipeline (decode → detect → parse), with the
 * options the user chose when importing it. Throws KeptSourceError naming the file when its copy
 * is missing or damaged, or when today's parsers refuse it.
 */
export async function parseKept(
  libraryDir: string,
  entry: ManifestEntry,
  slices: SliceOptions = {},
): Promise<ParsedFile> {
  const bytes = await loadKeptBytes(libraryDir, entry)
  const input: ImportInput = {
    fileName: entry.fileName,
    sizeBytes: bytes.length,
    decoded: await decodeFileInSlices(entry.fileName, bytes, slices),
    options: { ...entry.options },
    parsed: null,
    error: null,
    columns: null,
  }
  await parseInput(input, slices)
  if (!input.parsed) {
    throw new KeptSourceError(
      `the kept copy of ${entry.fileName} no longer parses: ${input.error ?? 'no reviews'}`,
    )
  }
  return input.parsed
}
