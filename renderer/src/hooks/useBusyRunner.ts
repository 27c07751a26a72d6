import { useCallback, useState } from 'react'
import { errorMessage, isCancelled } from '../api'

export interface BusyRunner {
  busy: boolean
  /** Runs `work` with `busy` set; its value goes to `onDone`, a failure to the error handler. */
  run<T>(work: () => Promise<T>, onDone?: (value: T) => void): void
}

/**
 * The one busy/error wrapper for commands: a cancelled request (the user backed out of a dialog)
 * is not reported. `clearFirst` clears the error shown before the new attempt.
 */
export function useBusyRunner(onError: (message: string) => void): BusyRunner
export function useBusyRunner(
  onError: (message: string | null) => void,
  options: { clearFirst: boolean },
): BusyRunner
export function useBusyRunner(
  onError: (message: string) => void,
  { clearFirst }: { clearFirst: boolean } = { clearFirst: false },
): BusyRunner {
  const [busy, setBusy] = useState(false)
  const run = useCallback(
    <T>(work: () => Promise<T>, onDone?: (value: T) => void) => {
      setBusy(true)
      // Only the clearFirst overload passes a handler that accepts null.
      if (clearFirst) (onError as (message: string | null) => void)(null)
      work()
        .then((value) => onDone?.(value))
        .catch((error: unknown) => {
          if (!isCancelled(error)) onError(errorMessage(error))
        })
        .finally(() => setBusy(false))
    },
    [onError, clearFirst],
  )
  return { busy, run }
}
