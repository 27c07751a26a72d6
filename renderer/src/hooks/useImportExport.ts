import { useCallback, useState } from 'react'
import type { ExportFormat } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke, isCancelled } from '../api'
import { plural } from '../format'

interface Callbacks {
  /** The query the list shows: export writes exactly that selection. */
  query: ReviewQuery
  onError: (message: string | null) => void
  onStatus: (message: string) => void
  onLibraryChanged: () => void
}

export interface ImportExport {
  busy: boolean
  exportAs: (format: ExportFormat) => void
}

/** The quick exports of the list (imports live in useImportFlow), with one error and status path. */
export function useImportExport(cb: Callbacks): ImportExport {
  const [busy, setBusy] = useState(false)
  const { query, onError, onStatus } = cb

  const exportAs = useCallback(
    (format: ExportFormat) => {
      setBusy(true)
      onError(null)
      invoke('export:save', { format, query })
        .then((result) => {
          if (result) onStatus(`Exported ${plural(result.count, 'review')} to ${result.fileName}`)
        })
        .catch((error: unknown) => {
          if (!isCancelled(error)) onError(errorMessage(error))
        })
        .finally(() => setBusy(false))
    },
    [query, onError, onStatus],
  )

  return { busy, exportAs }
}
