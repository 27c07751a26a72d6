import { useId, useState } from 'react'
import type { Req } from '../../../shared/contract'
import { errorMessage } from '../error-text'
import { plural } from '../format'
import { useCuration } from '../hooks/useCuration'
import { useLibrary } from '../hooks/useLibrary'
import { ModalDialog } from './ModalDialog'

type Target = Pick<Req<'collections:add'>, 'ids' | 'query'>

interface Props {
  target: Target
  /** How many reviews the target holds, for the dialog's wording. */
  count: number
  onDone: (status: string) => void
  onClose: () => void
}

/** Adds the current review or the selection to a collection, or to a new one. */
export function AddToCollectionDialog({ target, count, onDone, onClose }: Props) {
  const { collections } = useLibrary()
  const commands = useCuration()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const nameId = useId()
  const what = plural(count, 'review')

  const add = (id: string, label: string, before: number) =>
    commands.collections
      .add({ id, ...target })
      .then((c) => {
        // Reviews already in it are not added twice, so the status counts what really went in.
        const added = c.reviewIds.length - before
        const total = plural(c.reviewIds.length, 'review')
        onDone(
          added === 0
            ? `Already in ${label} (${total})`
            : `Added ${plural(added, 'review')} to ${label} (${total})`,
        )
      })
      .catch((e: unknown) => setError(errorMessage(e)))

  return (
    <ModalDialog title={`Add ${what} to a collection`} onClose={onClose}>
      {collections.length > 0 && (
        <ul className="collection-choices" aria-label="Collections">
          {collections.map((c) => (
            <li key={c.id}>
              <button type="button" onClick={() => void add(c.id, c.name, c.reviewIds.length)}>
                {c.name} <span className="count-badge">{c.count}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="dialog-row"
        onSubmit={(event) => {
          event.preventDefault()
          const clean = name.trim()
          if (!clean) return
          // Listed reviews go in with the creation, so it is one undo step.
          const created = target.ids
            ? commands.collections
                .create({ name: clean, ids: target.ids })
                .then(() => onDone(`Created ${clean} with ${what}`))
            : commands.collections.create({ name: clean }).then((c) => add(c.id, c.name, 0))
          created.catch((e: unknown) => setError(errorMessage(e)))
        }}
      >
        <label htmlFor={nameId}>New collection</label>
        <input
          id={nameId}
          type="text"
          value={name}
          placeholder="Pull quotes"
          onChange={(event) => setName(event.target.value)}
        />
        <button type="submit" disabled={!name.trim()}>
          Create and add
        </button>
      </form>
      {error && (
        <p className="error-text" role="alert">
          {error}
        </p>
      )}
    </ModalDialog>
  )
}
