import { useCallback, useState } from 'react'
import type { ExportProgress, ExportResult, Req } from '../../../shared/contract'
import { errorMessage, invoke, isCancelled } from '../api'
import { useCuratorEvent } from './useCuratorEvent'

export interface ExportRun {
  running: boolean
  progress: ExportProgress | null
  run: (req: Req<'export:run'>) => void
  cancel: () => void
}

/** The export dialog's run: writes through main's save dialog, reports progress, can be stopped. */
export function useExportRun(
  onDone: (result: ExportResult) => void,
  onError: (message: string | null) => void,
): ExportRun {
  const [running, setRunning] = useState(false)
  const [progress, setProgress] = useState<ExportProgress | null>(null)
  useCuratorEvent('export:progress', (p) => running && setProgress(p))

  const run = useCallback(
    (req: Req<'export:run'>) => {
      setRunning(true)
      onError(null)
      setProgress(null)
      invoke('export:run', req)
        .then((result) => {
          if (result) onDone(result)
        })
        .catch((e: unknown) =>
          onError(
            isCancelled(e) ? 'The export was cancelled; no file was written.' : errorMessage(e),
          ),
        )
        .finally(() => setRunning(false))
    },
    [onDone, onError],
  )
  const cancel = useCallback(() => void invoke('export:cancel', {}).catch(() => undefined), [])
  return { running, progress, run, cancel }
}
