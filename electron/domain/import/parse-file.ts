import type { ParseOptions, ParseResult } from '../../../shared/domain'
import { decodeDumpSteps, parseDumpSteps } from '../parsers'
import type { KeptBytes } from './kept-sources'
import { runInSlices, type SliceOptions } from './run-steps'

export interface DecodedFile {
  fileName: string
  text: string
  encoding: string | null
  /** The bytes as read, compressed, for the library to keep with the import. */
  kept?: KeptBytes
}

/** Decodes a dump's bytes in time slices: a 200 MB dump takes seconds, and main must keep answering. */
export async function decodeFileInSlices(
  fileName: string,
  bytes: Uint8Array,
  slices: SliceOptions = {},
): Promise<DecodedFile> {
  const { text, encoding } = await runInSlices(decodeDumpSteps(bytes, fileName), slices)
  return { fileName, text, encoding }
}

/** Parses one decoded dump in time slices; throws BadInputError (bad dump) or a cancellation. */
export async function parseDecoded(
  file: DecodedFile,
  options: ParseOptions,
  slices: SliceOptions = {},
): Promise<ParseResult> {
  const result = await runInSlices(parseDumpSteps(file.text, file.fileName, options), slices)
  return { ...result, encoding: result.encoding ?? file.encoding ?? undefined }
}
