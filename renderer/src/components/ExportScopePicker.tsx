import { useState } from 'react'
import type { ExportScope } from '../../../shared/channels/export'
import type { CollectionSummary, LibraryInfo, SavedViewSummary } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import type { ExportSelection } from '../hooks/useExportDialog'
import { plural, workLabel } from '../format'

interface Props {
  scope: ExportScope
  info: LibraryInfo
  views: SavedViewSummary[]
  query: ReviewQuery
  selection: ExportSelection
  onScope: (scope: ExportScope) => void
  collections: CollectionSummary[]
}

type Kind = ExportScope['kind']

/** Where each kind starts when picked: the first view, tag or work, so the count shows at once. */
function scopeFor(kind: Kind, p: Props): ExportScope {
  switch (kind) {
    case 'selection':
      return p.selection && 'ids' in p.selection
        ? { kind, ids: p.selection.ids }
        : { kind: 'query', query: p.selection?.query ?? p.query }
    case 'query':
      return { kind, query: p.query }
    case 'view':
      return { kind, id: p.views[0]?.id ?? '' }
    case 'tag':
      return { kind, tag: p.info.tags[0]?.name ?? '' }
    case 'work':
      return { kind, workId: p.info.works[0]?.id ?? '' }
    case 'collection':
      return { kind, id: p.collections[0]?.id ?? '' }
    case 'kept':
    case 'reviewed':
    case 'library':
      return { kind }
  }
}

export function ExportScopePicker(props: Props) {
  const { scope, info, views, selection, onScope, collections } = props
  // "Select all matching" arrives as a query, so which radio is on is kept here, not derived.
  const [current, setCurrent] = useState<Kind>(selection ? 'selection' : scope.kind)
  const radio = (kind: Kind, label: string, disabled = false) => (
    <label className="export-choice">
      <input
        type="radio"
        name="export-scope"
        checked={current === kind}
        disabled={disabled}
        onChange={() => {
          setCurrent(kind)
          onScope(scopeFor(kind, props))
        }}
      />
      {label}
    </label>
  )
  const selectionLabel = !selection
    ? 'Selected reviews (none selected)'
    : 'ids' in selection
      ? `Selected reviews (${plural(selection.ids.length, 'review')})`
      : 'Selected reviews (all matching)'
  return (
    <fieldset className="export-fieldset">
      <legend>Reviews to export</legend>
      {radio('selection', selectionLabel, !selection)}
      {radio('query', 'The current list')}
      <div className="export-inline">
        {radio('view', 'A saved view', views.length === 0)}
        {scope.kind === 'view' && (
          <select
            aria-label="Saved view"
            value={scope.id}
            onChange={(e) => onScope({ kind: 'view', id: e.target.value })}
          >
            {views.map((v) => (
              <option key={v.id} value={v.id}>
                {v.name} ({v.count})
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="export-inline">
        {radio('tag', 'A tag', info.tags.length === 0)}
        {scope.kind === 'tag' && (
          <select
            aria-label="Tag"
            value={scope.tag}
            onChange={(e) => onScope({ kind: 'tag', tag: e.target.value })}
          >
            {info.tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.count})
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="export-inline">
        {radio('work', 'A work')}
        {scope.kind === 'work' && (
          <select
            aria-label="Work"
            value={scope.workId}
            onChange={(e) => onScope({ kind: 'work', workId: e.target.value })}
          >
            {info.works.map((w) => (
              <option key={w.id} value={w.id}>
                {workLabel(w)} ({w.reviewCount})
              </option>
            ))}
          </select>
        )}
      </div>
      <div className="export-inline">
        {radio('collection', 'A collection (in its order)', collections.length === 0)}
        {scope.kind === 'collection' && (
          <select
            aria-label="Collection"
            value={scope.id}
            onChange={(e) => onScope({ kind: 'collection', id: e.target.value })}
          >
            {collections.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name} ({c.count})
              </option>
            ))}
          </select>
        )}
      </div>
      {radio('kept', 'Kept reviews')}
      {radio('reviewed', 'Reviewed reviews')}
      {radio('library', 'The whole library')}
    </fieldset>
  )
}
