import { useState } from 'react'
import type { SavedViewSummary } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { NameForm } from './NameForm'

interface Props {
  views: SavedViewSummary[]
  /** The view whose query the list shows now, if any. */
  activeId: string | null
  onApply: (view: SavedViewSummary) => void
  onSave: (name: string) => void
  onDelete: (view: SavedViewSummary) => void
}

/** Key order and empty fields do not make two queries different. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined && v !== '')
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, canonical(v)]),
    )
  }
  return value
}

export const sameQuery = (a: ReviewQuery, b: ReviewQuery): boolean =>
  JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))

/** Named queries and sorts; counts update as the library changes. */
export function ViewsSection({ views, activeId, onApply, onSave, onDelete }: Props) {
  const [naming, setNaming] = useState(false)
  return (
    <section className="side-section" aria-labelledby="views-heading">
      <h2 id="views-heading" className="side-heading">
        Saved views
      </h2>
      {views.length === 0 && <p className="hint">Save the current filters and sort as a view.</p>}
      <ul className="view-list">
        {views.map((view) => (
          <li key={view.id} className="tag-row">
            <button
              type="button"
              className="work-item"
              aria-pressed={view.id === activeId}
              onClick={() => onApply(view)}
            >
              <span>{view.name}</span>
              <span className="count-badge">{view.count}</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete view ${view.name}`}
              onClick={() => onDelete(view)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming ? (
        <NameForm
          label="View name"
          submitLabel="Save"
          onSubmit={(name) => {
            onSave(name)
            setNaming(false)
          }}
          onCancel={() => setNaming(false)}
        />
      ) : (
        <button type="button" className="quiet" onClick={() => setNaming(true)}>
          Save current view…
        </button>
      )}
    </section>
  )
}
