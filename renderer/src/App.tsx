import { useCallback, useMemo, useState } from 'react'
import type { ImportReport } from '../../shared/contract'
import type { ReviewQuery } from '../../shared/query'
import { DropOverlay } from './components/DropOverlay'
import { EmptyState } from './components/EmptyState'
import { ErrorAlert } from './components/ErrorAlert'
import { FiltersBar } from './components/FiltersBar'
import { ImportReportDialog } from './components/ImportReportDialog'
import { LibrarySummary } from './components/LibrarySummary'
import { ReaderPane } from './components/ReaderPane'
import { ReviewList } from './components/ReviewList'
import { Toolbar } from './components/Toolbar'
import { useCuratorEvent } from './hooks/useCuratorEvent'
import { useDebouncedValue } from './hooks/useDebouncedValue'
import { useFileDrop } from './hooks/useFileDrop'
import { useImportExport } from './hooks/useImportExport'
import { useLibraryInfo } from './hooks/useLibraryInfo'
import { usePasteImport } from './hooks/usePasteImport'
import { useReviewDetail } from './hooks/useReviewDetail'
import { useReviewPages } from './hooks/useReviewPages'

const SEARCH_PAUSE_MS = 250

export function App() {
  // Bumped whenever the library may have changed; every view re-reads from main on a bump.
  const [version, setVersion] = useState(0)
  const [filters, setFilters] = useState<ReviewQuery>({})
  const [searchText, setSearchText] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [report, setReport] = useState<ImportReport | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState('')

  const refresh = useCallback(() => setVersion((v) => v + 1), [])
  const showError = useCallback((message: string | null) => setError(message), [])

  const text = useDebouncedValue(searchText.trim(), SEARCH_PAUSE_MS)
  const query = useMemo<ReviewQuery>(() => (text ? { ...filters, text } : filters), [filters, text])
  const queryKey = JSON.stringify(query)

  const info = useLibraryInfo(version, showError)
  const pages = useReviewPages(query, version, showError)
  const detail = useReviewDetail(selectedId, version, showError)
  const io = useImportExport({
    query,
    onReport: setReport,
    onError: showError,
    onStatus: setStatus,
    onLibraryChanged: refresh,
  })

  useCuratorEvent('library:changed', refresh)
  useCuratorEvent('menu:command', ({ command }) => {
    if (command === 'import') io.chooseAndImport()
    else io.exportAs(command === 'export-json' ? 'json' : 'csv')
  })
  const dragging = useFileDrop(io.importFiles)
  usePasteImport(io.importPasted)

  const empty = info !== null && info.reviewCount === 0
  const knownTags = useMemo(() => info?.tags.map((t) => t.name) ?? [], [info])

  return (
    <div className="app">
      <Toolbar
        showImport={info !== null && !empty}
        canExport={info !== null && !empty}
        busy={io.busy}
        status={status}
        onImport={io.chooseAndImport}
        onExport={io.exportAs}
      />
      {error && <ErrorAlert message={error} onDismiss={() => setError(null)} />}
      {empty && (
        <EmptyState busy={io.busy} onImport={io.chooseAndImport} onSample={io.importSample} />
      )}
      {info && !empty && (
        <>
          <FiltersBar
            query={filters}
            searchText={searchText}
            tags={info.tags}
            onSearchText={setSearchText}
            onChange={setFilters}
            onReset={() => {
              setFilters({})
              setSearchText('')
            }}
          />
          <main className="workspace">
            <LibrarySummary
              info={info}
              workId={filters.workId}
              onWork={(workId) => setFilters((f) => ({ ...f, workId }))}
            />
            <ReviewList
              key={queryKey}
              pages={pages}
              selectedId={selectedId}
              onSelect={setSelectedId}
            />
            <ReaderPane
              detail={detail}
              knownTags={knownTags}
              onChanged={refresh}
              onError={showError}
            />
          </main>
        </>
      )}
      {dragging && <DropOverlay />}
      {report && <ImportReportDialog report={report} onClose={() => setReport(null)} />}
    </div>
  )
}
