import type { ParseOptions } from '../../../shared/domain'
import { messageOf, parseInput, type ImportInput } from './parse-input'
import { ImportCancelledError } from './run-steps'
import type { ImportSource } from './sources'

export type ProgressSink = (
  phase: 'reading' | 'parsing' | 'writing',
  fileName: string,
  fraction: number,
) => void

/** Reading is fast next to parsing: it gets this share of each file's progress bar. */
const READ_SHARE = 0.15

/**
 * The read → decode → detect → parse steps of the import pipeline, for every source in turn,
 * with one progress bar across all of them. A file that fails keeps its message (the preview
 * shows it beside the others); a cancel stops everything.
 */
export async function readInputs(
  sources: ImportSource[],
  options: ParseOptions,
  progress: ProgressSink = () => undefined,
  signal?: AbortSignal,
): Promise<ImportInput[]> {
  const total = Math.max(
    1,
    sources.reduce((n, s) => n + s.size, 0),
  )
  let before = 0
  const inputs: ImportInput[] = []
  for (const source of sources) {
    const share = Math.max(source.size, 1) / total
    const at = (part: number) => (before + part * share * total) / total
    const input: ImportInput = {
      fileName: source.fileName,
      sizeBytes: source.size,
      decoded: null,
      options: { ...options },
      parsed: null,
      error: null,
      columns: null,
    }
    inputs.push(input)
    try {
      progress('reading', source.fileName, at(0))
      input.decoded = await source.load(
        (read) =>
          progress('reading', source.fileName, at((read / Math.max(source.size, 1)) * READ_SHARE)),
        signal,
      )
    } catch (error) {
      if (error instanceof ImportCancelledError) throw error
      input.error = messageOf(error, source.fileName)
    }
    await parseInput(input, {
      signal,
      onProgress: ({ done, total: steps }) =>
        progress(
          'parsing',
          source.fileName,
          at(READ_SHARE + (1 - READ_SHARE) * (done / Math.max(steps, 1))),
        ),
    })
    before += Math.max(source.size, 1)
  }
  return inputs
}
