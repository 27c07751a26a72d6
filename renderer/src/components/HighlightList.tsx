import type { Highlight } from '../../../shared/domain'

interface Props {
  highlights: Highlight[]
  busy: boolean
  onRemove: (highlight: Highlight) => void
}

/** The review's pull quotes, in text order; a passage no longer in the text says so. */
export function HighlightList({ highlights, busy, onRemove }: Props) {
  if (highlights.length === 0) return null
  return (
    <ul className="highlight-list" aria-label="Highlights">
      {highlights.map((h) => (
        <li key={h.id} className="highlight-item" data-highlight-id={h.id}>
          <blockquote>{h.quote}</blockquote>
          <div className="highlight-meta">
            {h.tag && <span className="chip small">{h.tag}</span>}
            {h.comment && <span className="highlight-comment">{h.comment}</span>}
            {h.start < 0 && <span className="hint">Not found in the current text</span>}
            <button
              type="button"
              className="quiet"
              disabled={busy}
              aria-label={`Remove highlight “${h.quote.slice(0, 40)}”`}
              onClick={() => onRemove(h)}
            >
              Remove
            </button>
          </div>
        </li>
      ))}
    </ul>
  )
}
