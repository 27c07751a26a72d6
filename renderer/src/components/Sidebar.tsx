import { useId, useState } from 'react'
import type {
  HistoryState,
  LibraryInfo,
  SavedViewSummary,
  TagSummary,
} from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { errorMessage } from '../error-text'
import { workLabel } from '../format'
import { useCuration } from '../hooks/useCuration'
import { CollectionsSection } from './CollectionsSection'
import { HistoryPanel } from './HistoryPanel'
import { TagDialog } from './TagDialog'
import { TagTree } from './TagTree'
import { sameQuery, ViewsSection } from './ViewsSection'

interface Props {
  info: LibraryInfo
  filters: ReviewQuery
  /** The whole query the list shows (filters and the typed query): marks the active view. */
  query: ReviewQuery
  views: SavedViewSummary[]
  history: HistoryState
  tagKeys: ReadonlyMap<string, number>
  onFilters: (query: ReviewQuery) => void
  /** Shows a collection's reviews in its order; undefined leaves the collection view. */
  onViewCollection: (id: string | undefined) => void
  onApplyView: (view: SavedViewSummary) => void
  onSaveView: (name: string) => void
  onStatus: (message: string) => void
  onError: (message: string) => void
}

const day = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric' })

/**
 * Works, sets, tags (nested, coloured, counted), saved views, collections, imports and recent
 * changes. Tags come right after the works so that many works do not push them out of view.
 */
export function Sidebar(props: Props) {
  const { info, filters, views, history, tagKeys, onFilters, onStatus, onError } = props
  const [editing, setEditing] = useState<TagSummary | null>(null)
  const [newTag, setNewTag] = useState('')
  const newTagId = useId()
  const commands = useCuration()
  const active = views.find((v) => sameQuery(v.query, props.query))?.id ?? null

  return (
    <nav className="library sidebar" aria-label="Library">
      <section className="side-section" aria-labelledby="works-heading">
        <h2 id="works-heading" className="side-heading">
          Works
        </h2>
        <ul className="work-list">
          <li>
            <button
              type="button"
              className="work-item"
              aria-pressed={filters.workId === undefined}
              onClick={() => onFilters({ ...filters, workId: undefined })}
            >
              <span>All works</span>
              <span className="count-badge">{info.reviewCount}</span>
            </button>
          </li>
          {info.works.map((work) => (
            <li key={work.id}>
              <button
                type="button"
                className="work-item"
                aria-pressed={filters.workId === work.id}
                onClick={() =>
                  onFilters({
                    ...filters,
                    workId: filters.workId === work.id ? undefined : work.id,
                  })
                }
              >
                <span>{workLabel(work)}</span>
                <span className="count-badge">{work.reviewCount}</span>
              </button>
            </li>
          ))}
        </ul>
        <ul className="set-list" aria-label="Sets">
          {(
            [
              ['kept', '★ Kept', info.keptCount],
              ['reviewed', '✓ Reviewed', info.reviewedCount],
            ] as const
          ).map(([field, label, count]) => (
            <li key={field}>
              <button
                type="button"
                className="work-item"
                aria-pressed={filters[field] === true}
                onClick={() =>
                  onFilters({ ...filters, [field]: filters[field] === true ? undefined : true })
                }
              >
                <span>{label}</span>
                <span className="count-badge">{count}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>

      <section className="side-section" aria-labelledby="tags-heading">
        <h2 id="tags-heading" className="side-heading">
          Tags
        </h2>
        {info.tags.length === 0 && <p className="hint">No tags yet.</p>}
        <TagTree
          tags={info.tags}
          active={filters.tags?.[0]}
          keys={tagKeys}
          onFilter={(tag) => onFilters({ ...filters, tags: tag ? [tag] : undefined })}
          onEdit={setEditing}
        />
        <form
          className="view-form"
          onSubmit={(event) => {
            event.preventDefault()
            const name = newTag.trim()
            if (!name) return
            commands.tags
              .create({ name })
              .then(() => {
                setNewTag('')
                onStatus(`Created tag ${name}`)
              })
              .catch((e: unknown) => onError(errorMessage(e)))
          }}
        >
          <label htmlFor={newTagId} className="label">
            New tag
          </label>
          <input
            id={newTagId}
            type="text"
            value={newTag}
            placeholder="theme/fatherhood"
            onChange={(event) => setNewTag(event.target.value)}
          />
          <button type="submit" disabled={!newTag.trim()}>
            Create
          </button>
        </form>
      </section>

      <ViewsSection
        views={views}
        activeId={active}
        onApply={props.onApplyView}
        onSave={props.onSaveView}
        onDelete={(view) =>
          commands.views
            .remove({ id: view.id })
            .then(() => onStatus(`Deleted view ${view.name} (undo brings it back)`))
            .catch((e: unknown) => onError(errorMessage(e)))
        }
      />

      <CollectionsSection
        activeId={filters.collection}
        onView={props.onViewCollection}
        onStatus={onStatus}
        onError={onError}
      />

      {info.imports.length > 0 && (
        <section className="side-section" aria-labelledby="imports-heading">
          <h2 id="imports-heading" className="side-heading">
            Imports
          </h2>
          <ul className="import-list">
            {info.imports.slice(0, 20).map((record) => (
              <li key={record.id} title={`${record.found} found, ${record.added} added`}>
                <span className="import-name">{record.fileName}</span>
                <time dateTime={record.importedAt}>{day.format(new Date(record.importedAt))}</time>
              </li>
            ))}
          </ul>
        </section>
      )}

      <HistoryPanel state={history} />

      {editing && (
        <TagDialog
          tag={editing}
          tags={info.tags}
          onClose={() => setEditing(null)}
          onDone={(status) => {
            setEditing(null)
            onStatus(status)
          }}
        />
      )}
    </nav>
  )
}
