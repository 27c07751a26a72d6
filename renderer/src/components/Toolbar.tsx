import type { ExportFormat } from '../../../shared/contract'

interface Props {
  /** While the library is empty the empty state offers Import…, so it is not shown twice. */
  showImport: boolean
  canExport: boolean
  busy: boolean
  status: string
  onImport: () => void
  onExport: (format: ExportFormat) => void
}

export function Toolbar({ showImport, canExport, busy, status, onImport, onExport }: Props) {
  return (
    <header className="toolbar">
      <h1 className="app-title">Review Curator</h1>
      <div className="toolbar-actions">
        {showImport && (
          <button type="button" className="primary" onClick={onImport} disabled={busy}>
            Import…
          </button>
        )}
        <button
          type="button"
          onClick={() => onExport('json')}
          disabled={busy || !canExport}
          title="Save the reviews the list shows, with your tags, notes and ratings, as JSON"
        >
          Export JSON
        </button>
        <button
          type="button"
          onClick={() => onExport('csv')}
          disabled={busy || !canExport}
          title="Save the reviews the list shows as a spreadsheet-friendly CSV file"
        >
          Export CSV
        </button>
      </div>
      <p className="toolbar-status" role="status">
        {status}
      </p>
    </header>
  )
}
