import type { ReactNode } from 'react'
import type { ExportFormat } from '../../../shared/contract'

interface Props {
  /** While the library is empty the empty state offers Import…, so it is not shown twice. */
  showImport: boolean
  canExport: boolean
  busy: boolean
  status: string
  onImport: () => void
  /** Opens the Paste reviews box (Import → Paste). */
  onPaste?: () => void
  onExport: (format: ExportFormat) => void
  /** Opens the full Export… dialog; the JSON and CSV buttons stay as quick exports of the list. */
  onExportDialog?: () => void
  /** Controls other features add to the toolbar (undo/redo, shortcuts). */
  extra?: ReactNode
}

export function Toolbar(props: Props) {
  const { showImport, canExport, busy, status, onImport, onExport, onExportDialog, extra } = props
  const { onPaste } = props
  return (
    <header className="toolbar">
      <h1 className="app-title">Review Curator</h1>
      <div className="toolbar-actions">
        {extra}
        {showImport && (
          <button type="button" className="primary" onClick={onImport} disabled={busy}>
            Import…
          </button>
        )}
        {showImport && onPaste && (
          <button
            type="button"
            onClick={onPaste}
            disabled={busy}
            aria-keyshortcuts="Control+Shift+V"
            title="Paste a copied page of reviews and preview it before importing"
          >
            Paste…
          </button>
        )}
        {onExportDialog && (
          <button
            type="button"
            onClick={onExportDialog}
            disabled={busy || !canExport}
            title="Choose what to export (selection, list, view, tag, work or library), the format and the fields"
          >
            Export…
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
