import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { parseQuery } from '../../shared/query-language'
import type { ReviewQuery } from '../../shared/query'
import { DropOverlay } from './components/DropOverlay'
import { BylineHint } from './components/BylineHint'
import { ExportDialog } from './components/ExportDialog'
import { EmptyState } from './components/EmptyState'
import { ErrorAlert } from './components/ErrorAlert'
import { FiltersBar } from './components/FiltersBar'
import { LibraryCare } from './components/LibraryCare'
import { ImportFlowDialogs } from './components/ImportFlowDialogs'
import { ReparseDialog } from './components/ReparseDialog'
import { Toolbar } from './components/Toolbar'
import { HistoryButtons } from './components/HistoryButtons'
import { Workspace } from './components/Workspace'
import { useHistory } from './hooks/useHistory'
import { useCuratorEvent } from './hooks/useCuratorEvent'
import { useDebouncedValue } from './hooks/useDebouncedValue'
import { OpenExportContext, type ExportSelection } from './hooks/useExportDialog'
import { useFileDrop } from './hooks/useFileDrop'
import { useImportExport } from './hooks/useImportExport'
import { useImportFlow } from './hooks/useImportFlow'
import { LibraryProvider, useLibrary } from './hooks/useLibrary'
import { usePasteImport } from './hooks/usePasteImport'
import { useReviewDetail } from './hooks/useReviewDetail'
import { useReviewPages } from './hooks/useReviewPages'
import { useReparse } from './hooks/useReparse'
import { focusReviewList } from './focus'
import { plural } from './format'

const SEARCH_PAUSE_MS = 250
// The first page of the typed query is asked this long before the pause ends, so that its rows
// are here when it does (main answers in a few ms, the IPC round trip takes some more).
const PREFETCH_LEAD_MS = 100

export function App() {
  const [error, setError] = useState<string | null>(null)
  const showError = useCallback((message: string | null) => setError(message), [])
  return (
    <LibraryProvider onError={showError}>
      <Curator error={error} onError={showError} />
    </LibraryProvider>
  )
}

interface CuratorProps {
  error: string | null
  onError: (message: string | null) => void
}

/** Everything under the one library subscription: toolbar, workspace, dialogs. */
function Curator({ error, onError: showError }: CuratorProps) {
  const [filters, setFilters] = useState<ReviewQuery>({})
  const [searchText, setSearchText] = useState('')
  const [selectedId, setSelectedId] = useState<string | null>(null)
  const [status, setStatus] = useState('')
  const [exporting, setExporting] = useState<{ selection: ExportSelection } | null>(null)
  const openExport = useCallback(
    (selection: ExportSelection = null) => setExporting({ selection }),
    [],
  )

  // The search box takes the typed query language; while it does not parse, the list keeps the
  // last query that did and the message shows under the box.
  const typed = useDebouncedValue(searchText.trim(), SEARCH_PAUSE_MS)
  const [goodQ, setGoodQ] = useState('')
  const parsedNow = useMemo(() => parseQuery(searchText.trim()), [searchText])
  const queryError = parsedNow.ok ? null : parsedNow.error.message
  // What the box says right now (before the typing pause), for saving a view.
  const typedQuery = useMemo<ReviewQuery>(() => {
    const q = searchText.trim()
    return parsedNow.ok ? (q ? { ...filters, q } : filters) : { ...filters, q: goodQ || undefined }
  }, [filters, searchText, parsedNow, goodQ])
  const parsedTyped = useMemo(() => parseQuery(typed), [typed])
  if (parsedTyped.ok && typed !== goodQ) setGoodQ(typed)
  const query = useMemo<ReviewQuery>(
    () => (goodQ ? { ...filters, q: goodQ } : filters),
    [filters, goodQ],
  )
  const [shortcutsOpen, setShortcutsOpen] = useState(false)

  const { info } = useLibrary()
  const pages = useReviewPages(query, showError)
  // Shortly before the pause ends, the query it will send (the same object `query` will be) is
  // asked ahead: the list still changes only when the pause ends, with rows already here. A
  // timer, not state: nothing re-renders for it.
  const { prefetch } = pages
  useEffect(() => {
    const text = searchText.trim()
    if (!parseQuery(text).ok) return
    const timer = setTimeout(
      () => prefetch(text ? { ...filters, q: text } : filters),
      SEARCH_PAUSE_MS - PREFETCH_LEAD_MS,
    )
    return () => clearTimeout(timer)
  }, [searchText, filters, prefetch])
  const history = useHistory(showError, setStatus)
  const detail = useReviewDetail(selectedId, showError)
  const io = useImportExport({ query, onError: showError, onStatus: setStatus })
  const imports = useImportFlow({ onError: showError })
  const reparse = useReparse(setStatus)

  useCuratorEvent('app:open-files', imports.previewOpened)
  useCuratorEvent('menu:command', ({ command }) => {
    if (command === 'import') imports.chooseAndImport()
    else if (command === 'import-paste') imports.openPaste()
    else if (command === 'export') openExport()
    else if (command === 'undo' || command === 'redo') history.fromMenu(command)
    else if (command === 'shortcuts') setShortcutsOpen(true)
    else if (command === 'reparse') reparse.open()
    else if (command === 'export-json' || command === 'export-csv')
      io.exportAs(command === 'export-json' ? 'json' : 'csv')
  })
  const dragging = useFileDrop(imports.importFiles)
  usePasteImport(imports.previewText)

  const empty = info !== null && info.reviewCount === 0
  // Try the sample takes away the button that had focus: the keyboard goes to the new list.
  const wasEmpty = useRef(empty)
  useEffect(() => {
    if (wasEmpty.current && !empty && document.activeElement === document.body) focusReviewList()
    wasEmpty.current = empty
  }, [empty])

  return (
    <OpenExportContext.Provider value={openExport}>
      <div className="app">
        <Toolbar
          showImport={info !== null && !empty}
          canExport={info !== null && !empty}
          busy={io.busy || imports.busy}
          status={status}
          onImport={imports.chooseAndImport}
          onPaste={imports.openPaste}
          onExport={io.exportAs}
          onExportDialog={() => openExport()}
          extra={
            info &&
            !empty && (
              <>
                <HistoryButtons history={history} />
                <button
                  type="button"
                  className="quiet"
                  aria-keyshortcuts="?"
                  onClick={() => setShortcutsOpen(true)}
                >
                  Shortcuts
                </button>
              </>
            )
          }
        />
        {error && <ErrorAlert message={error} onDismiss={() => showError(null)} />}
        <LibraryCare />
        {empty && (
          <EmptyState
            busy={imports.busy}
            onImport={imports.chooseAndImport}
            onPaste={imports.openPaste}
            onSample={imports.importSample}
          />
        )}
        {info && !empty && (
          <>
            <FiltersBar
              query={filters}
              searchText={searchText}
              searchError={queryError}
              tags={info.tags}
              onSearchText={setSearchText}
              onChange={setFilters}
              onReset={() => {
                setFilters({})
                setSearchText('')
              }}
            />
            <BylineHint
              count={info.ambiguousBylines}
              onViewReport={imports.quietReport ? imports.showQuietReport : undefined}
            />
            <Workspace
              info={info}
              filters={filters}
              query={query}
              typedQuery={typedQuery}
              pages={pages}
              detail={detail}
              selectedId={selectedId}
              history={history}
              shortcutsOpen={shortcutsOpen}
              onShortcuts={setShortcutsOpen}
              onSelect={setSelectedId}
              onFilters={setFilters}
              onApplyQuery={({ q, ...rest }) => {
                setFilters(rest)
                setSearchText(q ?? '')
              }}
              onStatus={setStatus}
              onError={showError}
            />
          </>
        )}
        {dragging && <DropOverlay />}
        <ImportFlowDialogs flow={imports} />
        <ReparseDialog reparse={reparse} />
        {exporting && info && (
          <ExportDialog
            info={info}
            query={query}
            selection={exporting.selection}
            onClose={() => setExporting(null)}
            onDone={(result) => {
              setExporting(null)
              setStatus(`Exported ${plural(result.count, 'review')} to ${result.fileName}`)
            }}
          />
        )}
      </div>
    </OpenExportContext.Provider>
  )
}
