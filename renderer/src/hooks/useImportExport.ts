import { useCallback, useState } from 'react'
import type { ExportFormat, FileImportReport, ImportReport } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage, invoke, isCancelled } from '../api'
import { plural } from '../format'

interface Callbacks {
  /** The query the list shows: export writes exactly that selection. */
  query: ReviewQuery
  onReport: (report: ImportReport) => void
  onError: (message: string | null) => void
  onStatus: (message: string) => void
  onLibraryChanged: () => void
}

export interface ImportExport {
  busy: boolean
  chooseAndImport: () => void
  importSample: () => void
  importFiles: (files: File[]) => void
  importPasted: (text: string) => void
  exportAs: (format: ExportFormat) => void
}

/** Every way a review page gets in or a selection gets out, with one error and status path. */
export function useImportExport(cb: Callbacks): ImportExport {
  const [busy, setBusy] = useState(false)
  const { query, onReport, onError, onStatus, onLibraryChanged } = cb

  const run = useCallback(
    async (work: () => Promise<ImportReport | null>) => {
      setBusy(true)
      onError(null)
      try {
        const report = await work()
        if (report) {
          onReport(report)
          onLibraryChanged()
        }
      } catch (error) {
        if (!isCancelled(error)) onError(errorMessage(error))
      } finally {
        setBusy(false)
      }
    },
    [onError, onReport, onLibraryChanged],
  )

  const importFiles = useCallback(
    (files: File[]) =>
      void run(async () => {
        // Files go one by one so a bad file is reported by name and the good ones still land.
        const reports: FileImportReport[] = []
        const failures: string[] = []
        for (const file of files) {
          try {
            const content = await file.text()
            const report = await invoke('import:text', { fileName: file.name, content })
            reports.push(...report.files)
          } catch (error) {
            failures.push(errorMessage(error))
          }
        }
        if (failures.length > 0) onError(failures.join('\n'))
        return reports.length > 0 ? { files: reports } : null
      }),
    [run, onError],
  )

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

  return {
    busy,
    chooseAndImport: useCallback(() => void run(() => invoke('import:choose', {})), [run]),
    importSample: useCallback(() => void run(() => invoke('import:sample', {})), [run]),
    importFiles,
    importPasted: useCallback(
      (content: string) =>
        void run(() => invoke('import:text', { fileName: 'Pasted text', content })),
      [run],
    ),
    exportAs,
  }
}
