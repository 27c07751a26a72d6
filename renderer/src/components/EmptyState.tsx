interface Props {
  busy: boolean
  onImport: () => void
  onPaste: () => void
  onSample: () => void
}

export function EmptyState({ busy, onImport, onPaste, onSample }: Props) {
  return (
    <main className="empty-state">
      <div className="empty-card">
        <h2>Your library is empty</h2>
        <p>
          Review Curator collects IMDb user reviews so you can tag, annotate and re-rate them,
          filter down to the ones that matter and export your selection: a spreadsheet, a quote
          sheet, a printable report or a full JSON backup.
        </p>
        <p>
          Open a title&rsquo;s <strong>User Reviews</strong> page, expand it fully (&ldquo;Load
          more&rdquo; until every review shows), select all, copy, and save it as a text file. Then
          import that file, drop it on this window, or simply paste here.
        </p>
        <div className="empty-actions">
          <button type="button" className="primary" onClick={onImport} disabled={busy}>
            Import…
          </button>
          <button type="button" onClick={onPaste} disabled={busy}>
            Paste…
          </button>
          <button type="button" onClick={onSample} disabled={busy}>
            Try the sample (Pusher II)
          </button>
        </div>
      </div>
    </main>
  )
}
