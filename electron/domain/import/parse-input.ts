import type { ColumnInfo, ParseOptions, ParseResult } from '../../../shared/domain'
import { CuratorError } from '../errors'
import {
  detectExport,
  parseJsonExport,
  parseJsonlExport,
  type RestorePlan,
} from '../export/restore-parse'
import { MappingNeededError } from '../parsers'
import type { ParsedFile } from './merge'
import { parseDecoded, type DecodedFile } from './parse-file'
import { ImportCancelledError, type SliceOptions } from './run-steps'

/**
 * One file on its way through the import pipeline: read and decoded, then parsed (or refused
 * with a message naming the file). The decoded text is kept so a preview can re-parse it with
 * another format or column mapping.
 */
export interface ImportInput {
  fileName: string
  sizeBytes: number
  decoded: DecodedFile | null
  options: ParseOptions
  parsed: ParsedFile | null
  error: string | null
  /** A tabular dump with no text column still offers its columns to the mapping step. */
  columns: ColumnInfo[] | null
}

export function messageOf(error: unknown, fileName: string): string {
  if (error instanceof CuratorError) return error.message
  const detail = error instanceof Error ? error.message : String(error)
  return `${fileName} could not be read: the parser failed (${detail})`
}

/** Our own export is restored with its ids and curation unless the user chose another format. */
const mayRestore = (options: ParseOptions) =>
  !options.format || options.format === 'review-curator-export'

/** The restore payload seen as a parse result, for the preview's rows and counts. */
function restoreResult(plan: RestorePlan, encoding: string | null): ParseResult {
  const works = new Map(plan.works.map((w) => [w.id, w]))
  return {
    format: 'review-curator-export',
    work: null,
    declaredCount: plan.reviews.length,
    incomplete: false,
    reviews: plan.reviews.map((r, i) => {
      const work = works.get(r.workId)
      return { ...r, line: i + 1, work: work ? { title: work.title, year: work.year } : null }
    }),
    warnings: [],
    fragments: [],
    encoding: encoding ?? undefined,
  }
}

/** Parses (or re-parses) one decoded input in time slices, recording a refusal on the input. */
export async function parseInput(input: ImportInput, slices: SliceOptions): Promise<void> {
  // A file that could not be read keeps its reading error: there is nothing to parse.
  if (!input.decoded) return
  input.parsed = null
  input.error = null
  input.columns = null
  const { decoded } = input
  const source = decoded.kept
    ? { source: { bytes: decoded.kept, options: { ...input.options } } }
    : {}
  try {
    const kind = mayRestore(input.options) ? detectExport(decoded.text) : null
    if (kind) {
      const restore =
        kind === 'json'
          ? parseJsonExport(decoded.fileName, decoded.text)
          : parseJsonlExport(decoded.fileName, decoded.text)
      input.parsed = {
        fileName: input.fileName,
        result: restoreResult(restore, decoded.encoding),
        restore,
        ...source,
      }
      return
    }
    const result = await parseDecoded(decoded, input.options, slices)
    input.parsed = { fileName: input.fileName, result, ...source }
  } catch (error) {
    if (error instanceof ImportCancelledError) throw error
    input.error = messageOf(error, input.fileName)
    if (error instanceof MappingNeededError) input.columns = error.columns
  }
}
