import type { ReparseControls } from '../hooks/useReparse'
import { plural } from '../format'
import { ModalDialog } from './ModalDialog'

const MARK = { added: 'Added', removed: 'Removed', changed: 'Changed' } as const

/** The re-parse diff: per import, then per review; Accept applies it as one undoable step. */
export function ReparseDialog({ reparse }: { reparse: ReparseControls }) {
  const { state } = reparse
  if (!state) return null
  const { diff, busy, error } = state
  const total = diff ? diff.added + diff.removed + diff.changed : 0
  return (
    <ModalDialog title="Re-parse imports" className="reparse-dialog" onClose={reparse.close}>
      {!diff && !error && <p role="status">Reading the kept sources…</p>}
      {error && <p role="alert">{error}</p>}
      {diff && (
        <>
          <p>
            What today’s parsers make of each import’s kept source, against what the library holds.
            Your tags, notes and ratings stay with their reviews.
          </p>
          <ul aria-label="Imports">
            {diff.imports.map((i) => (
              <li key={i.recordId}>
                <strong>{i.fileName}</strong>{' '}
                {i.status === 'reparsed'
                  ? `${i.added} added, ${i.removed} removed, ${i.changed} changed`
                  : `not re-parsed: ${i.message ?? ''}`}
              </li>
            ))}
          </ul>
          <p role="status">
            {total === 0
              ? 'Nothing to change.'
              : `${plural(diff.added, 'review')} added, ${diff.removed} removed, ${diff.changed} changed`}
          </p>
          {diff.reviews.length > 0 && (
            <ul aria-label="Reviews that differ" className="reparse-reviews">
              {diff.reviews.map((r) => (
                <li key={`${r.kind}-${r.id}`}>
                  {MARK[r.kind]}: “{r.title}” by {r.author} ({r.workTitle})
                  {r.fields.length > 0 && ` — ${r.fields.join(', ')}`}
                </li>
              ))}
              {total > diff.reviews.length && <li>… and {total - diff.reviews.length} more</li>}
            </ul>
          )}
        </>
      )}
      <div className="dialog-footer">
        <button type="button" onClick={reparse.close}>
          Cancel
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy || !diff || total === 0}
          onClick={reparse.accept}
        >
          Accept
        </button>
      </div>
    </ModalDialog>
  )
}
