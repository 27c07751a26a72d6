import type { HistoryState } from '../../../shared/contract'

const time = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' })

/** This session's changes, newest first; undone ones stay listed (struck through) until replaced. */
export function HistoryPanel({ state }: { state: HistoryState }) {
  return (
    <section className="side-section history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading" className="side-heading">
        Recent changes
      </h2>
      {state.entries.length === 0 ? (
        <p className="hint">Changes you make appear here, ready to undo.</p>
      ) : (
        <ol className="history-list" aria-label="Recent changes">
          {state.entries.slice(0, 30).map((entry) => (
            <li key={entry.id} className={entry.undone ? 'undone' : undefined}>
              <span className="history-label">
                {entry.label}
                {entry.undone && <span className="visually-hidden"> (undone)</span>}
              </span>
              <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
