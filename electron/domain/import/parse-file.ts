import type { ParseOptions, ParseResult } from '../../../shared/domain'
import { decodeDump, decodeDumpSteps, parseDumpSteps } from '../parsers'
import { runInSlices, type SliceOptions } from './run-steps'

export interface DecodedFile {
  fileName: string
  text: string
  encoding: string | null
}

export function decodeFile(fileName: string, bytes: Uint8Array): DecodedFile {
  const { text, encoding } = decodeDump(bytes, fileName)
  return { fileName, text, encoding }
}

/** The same decoding in time slices: a 200 MB dump takes seconds, and main must keep answering. */
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

/** The synchronous path (small inputs, tests): the same parse without yielding. */
export function parseDecodedNow(file: DecodedFile, options: ParseOptions = {}): ParseResult {
  const steps = parseDumpSteps(file.text, file.fileName, options)
  for (;;) {
    const next = steps.next()
    if (next.done) {
      return { ...next.value, encoding: next.value.encoding ?? file.encoding ?? undefined }
    }
  }
}
