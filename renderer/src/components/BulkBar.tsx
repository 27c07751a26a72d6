import { useId, useState } from 'react'
import type { TagSummary } from '../../../shared/contract'
import { focusReviewList } from '../focus'
import { plural } from '../format'
import { useOpenExport } from '../hooks/useExportDialog'
import type { Selection } from '../hooks/useSelection'
import { MOD } from '../keys'

export type BulkAction =
  | { kind: 'tag' | 'untag'; tag: string }
  | { kind: 'rate'; rating: number | null }
  | { kind: 'keep'; kept: boolean }
  | { kind: 'reviewed'; reviewed: boolean }

interface Props {
  selection: Selection
  total: number
  tags: TagSummary[]
  busy: boolean
  onAction: (action: BulkAction) => void
  /** Opens the Add to collection dialog for the selection. */
  onAddToCollection?: () => void
}

/** The known tags the draft is a prefix of, so the user sees what Enter would reuse. */
function suggest(tags: TagSummary[], draft: string): string {
  const prefix = draft.trim().toLowerCase()
  const names = tags.filter((t) => t.name.toLowerCase().startsWith(prefix)).map((t) => t.name)
  return names.length ? `Known: ${names.slice(0, 3).join(', ')}` : 'New tag'
}

/** Shown while more than one review is selected: every action is one undoable step. */
export function BulkBar({ selection, total, tags, busy, onAction, onAddToCollection }: Props) {
  const [tag, setTag] = useState('')
  const tagId = useId()
  const rateId = useId()
  const many = selection.all || selection.ids.size > 1
  const openExport = useOpenExport()
  return (
    <div className="bulk-bar" role="toolbar" aria-label="Selection">
      <p className="bulk-count" aria-live="polite">
        {many ? `${plural(selection.count, 'review')} selected` : 'One review selected'}
      </p>
      {!selection.all && total > selection.count && (
        <button
          type="button"
          className="quiet"
          onClick={selection.selectAll}
          title={`Select every review the list matches (${MOD}+A in the list)`}
        >
          Select all {total}
        </button>
      )}
      {many && (
        <>
          <label htmlFor={tagId} className="visually-hidden">
            Tag for the selection
          </label>
          <input
            id={tagId}
            type="text"
            value={tag}
            placeholder="Tag…"
            className="bulk-tag"
            onChange={(event) => setTag(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && tag.trim()) {
                event.preventDefault()
                onAction({ kind: 'tag', tag: tag.trim() })
              }
            }}
          />
          {tag.trim() && !tags.some((t) => t.name === tag.trim()) && (
            <span className="hint">{suggest(tags, tag)}</span>
          )}
          <button
            type="button"
            disabled={busy || !tag.trim()}
            onClick={() => onAction({ kind: 'tag', tag: tag.trim() })}
          >
            Add tag
          </button>
          <button
            type="button"
            disabled={busy || !tag.trim()}
            onClick={() => onAction({ kind: 'untag', tag: tag.trim() })}
          >
            Remove tag
          </button>
          <label htmlFor={rateId} className="visually-hidden">
            Rate the selection
          </label>
          <select
            id={rateId}
            value=""
            disabled={busy}
            onChange={(event) => {
              const v = event.target.value
              if (v) onAction({ kind: 'rate', rating: v === 'clear' ? null : Number(v) })
            }}
          >
            <option value="">Rate…</option>
            {[10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => (
              <option key={n} value={n}>
                {n}/10
              </option>
            ))}
            <option value="clear">Clear my rating</option>
          </select>
          <button
            type="button"
            disabled={busy}
            onClick={() => onAction({ kind: 'keep', kept: true })}
          >
            ★ Keep
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => onAction({ kind: 'keep', kept: false })}
          >
            Unkeep
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => onAction({ kind: 'reviewed', reviewed: true })}
          >
            ✓ Mark reviewed
          </button>
          {onAddToCollection && (
            <button
              type="button"
              title="Add the selection to a collection (C)"
              onClick={onAddToCollection}
            >
              Add to collection…
            </button>
          )}
          <button type="button" onClick={() => openExport(selection.target(null))}>
            Export selection…
          </button>
          <button
            type="button"
            className="quiet"
            onClick={() => {
              selection.clear()
              // The pane and this button go; the keyboard goes back to the list, not to <body>.
              focusReviewList()
            }}
          >
            Clear selection
          </button>
        </>
      )}
    </div>
  )
}
