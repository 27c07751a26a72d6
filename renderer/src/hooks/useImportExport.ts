import { useCallback } from 'react'
import type { ExportFormat } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { invoke } from '../api'
import { plural } from '../format'
import { useBusyRunner } from './useBusyRunner'

interface Callbacks {
  /** The query the list shows: export writes exactly that selection. */
  query: ReviewQuery
  onError: (message: string | null) => void
  onStatus: (message: string) => void
}

export interface ImportExport {
  busy: boolean
  exportAs: (format: ExportFormat) => void
}

/** The quick exports of the list (imports live in useImportFlow), with one error and status path. */
export function useImportExport({ query, onError, onStatus }: Callbacks): ImportExport {
  const { busy, run } = useBusyRunner(onError, { clearFirst: true })
  const exportAs = useCallback(
    (format: ExportFormat) =>
      run(
        () => invoke('export:save', { format, query }),
        (result) => {
          if (result) onStatus(`Exported ${plural(result.count, 'review')} to ${result.fileName}`)
        },
      ),
    [run, query, onStatus],
  )
  return { busy, exportAs }
}
