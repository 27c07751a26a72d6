import { useState } from 'react'
import type { CollectionSummary } from '../../../shared/contract'
import { errorMessage } from '../error-text'
import { useCuration } from '../hooks/useCuration'
import { useLibrary } from '../hooks/useLibrary'
import { NameForm } from './NameForm'

interface Props {
  /** The collection the list shows now, if any. */
  activeId: string | undefined
  /** Shows the collection's reviews in its order (undefined: leave the collection view). */
  onView: (id: string | undefined) => void
  onStatus: (message: string) => void
  onError: (message: string) => void
}

/** Manual collections (an article's pull quotes): create, open, rename and delete them. */
export function CollectionsSection({ activeId, onView, onStatus, onError }: Props) {
  const { collections } = useLibrary()
  const commands = useCuration()
  const [naming, setNaming] = useState<'new' | CollectionSummary | null>(null)

  const submit = (clean: string) => {
    if (naming === null) return
    const done =
      naming === 'new'
        ? commands.collections.create({ name: clean }).then((c) => {
            onView(c.id)
            return `Created collection ${clean}`
          })
        : commands.collections
            .rename({ id: naming.id, name: clean })
            .then(() => `Renamed collection ${naming.name} to ${clean}`)
    done
      .then((status) => {
        setNaming(null)
        onStatus(status)
      })
      .catch((e: unknown) => onError(errorMessage(e)))
  }

  return (
    <section className="side-section" aria-labelledby="collections-heading">
      <h2 id="collections-heading" className="side-heading">
        Collections
      </h2>
      {collections.length === 0 && (
        <p className="hint">Gather pull quotes in the order you want them (C adds a review).</p>
      )}
      <ul className="view-list">
        {collections.map((c) => (
          <li key={c.id} className="tag-row">
            <button
              type="button"
              className="work-item"
              aria-pressed={c.id === activeId}
              onClick={() => onView(c.id === activeId ? undefined : c.id)}
            >
              <span>{c.name}</span>
              <span className="count-badge">{c.count}</span>
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Rename collection ${c.name}`}
              onClick={() => setNaming(c)}
            >
              ✎
            </button>
            <button
              type="button"
              className="icon-button"
              aria-label={`Delete collection ${c.name}`}
              onClick={() =>
                commands.collections
                  .remove({ id: c.id })
                  .then(() => {
                    if (c.id === activeId) onView(undefined)
                    onStatus(`Deleted collection ${c.name} (undo brings it back)`)
                  })
                  .catch((e: unknown) => onError(errorMessage(e)))
              }
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {naming !== null ? (
        // Keyed by what it names, so renaming another collection starts from that one's name.
        <NameForm
          key={naming === 'new' ? 'new' : naming.id}
          label={naming === 'new' ? 'Collection name' : `New name for ${naming.name}`}
          submitLabel={naming === 'new' ? 'Create' : 'Rename'}
          initial={naming === 'new' ? '' : naming.name}
          onSubmit={submit}
          onCancel={() => setNaming(null)}
        />
      ) : (
        <button type="button" className="quiet" onClick={() => setNaming('new')}>
          New collection…
        </button>
      )}
    </section>
  )
}
