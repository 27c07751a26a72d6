import type { Channel } from '../../shared/contract'

// The window shows an edit before main has committed it (renderer/src/data/anticipate.ts), so the
// user can press Undo while that edit is still being written. History records a step only once
// its commit is done: an undo that started meanwhile would undo the step before it. Requests that
// change the library or its history therefore run one after another, each to its end.

const WRITERS =
  /^(curation|tags):|^views:(save|rename|delete)$|^history:(undo|redo)$|^import:(commit|sample|undo)$/

/** Whether a request changes the library or its history (and so waits for the one before). */
export const isOrdered = (channel: unknown): channel is Channel =>
  typeof channel === 'string' && WRITERS.test(channel)

/** Runs each job after the previous one settled, whatever its outcome. */
export function editLane(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return (job) => {
    const run = last.then(job, job)
    last = run.catch(() => undefined)
    return run
  }
}
