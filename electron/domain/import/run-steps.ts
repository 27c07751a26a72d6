import { setImmediate as nextTurn } from 'node:timers/promises'
import { CuratorError } from '../errors'

export interface StepProgress {
  done: number
  total: number
}

/** The user stopped an import; nothing was written. */
export class ImportCancelledError extends CuratorError {
  constructor(what = 'The import') {
    super('cancelled', `${what} was cancelled; the library is unchanged`)
    this.name = 'ImportCancelledError'
  }
}

export interface SliceOptions {
  signal?: AbortSignal
  onProgress?: (progress: StepProgress) => void
  /** How long one slice may hold the event loop before other work (IPC, painting) gets a turn. */
  sliceMs?: number
  clock?: () => number
}

export function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ImportCancelledError()
}

/**
 * Drives a step generator in time slices, yielding to the event loop between slices so the main
 * process keeps answering (a Cancel click included) while a 200 MB dump is parsed.
 */
export async function runInSlices<T>(
  steps: Generator<StepProgress, T, void>,
  { signal, onProgress, sliceMs = 25, clock = Date.now }: SliceOptions = {},
): Promise<T> {
  for (;;) {
    throwIfCancelled(signal)
    const started = clock()
    let last: StepProgress | undefined
    while (clock() - started < sliceMs) {
      const next = steps.next()
      if (next.done) return next.value
      last = next.value
    }
    if (last) onProgress?.(last)
    await nextTurn()
  }
}
