import { useId, useState } from 'react'
import type { TagSummary } from '../../../shared/contract'
import { TAG_KEYS, tagKeyMap } from '../../../shared/tag-keys'
import { plural } from '../format'
import { useBusyRunner } from '../hooks/useBusyRunner'
import { useCuration } from '../hooks/useCuration'
import { ModalDialog } from './ModalDialog'

interface Props {
  tag: TagSummary
  tags: TagSummary[]
  onClose: () => void
  onDone: (status: string) => void
}

/** Rename (children move too), recolour, merge into another tag, or delete after a confirmation. */
export function TagDialog({ tag, tags, onClose, onDone }: Props) {
  const [name, setName] = useState(tag.name)
  const [color, setColor] = useState(tag.color)
  const keys = tagKeyMap(tags)
  const holder = new Map([...keys].map(([name, key]) => [key, name]))
  const [key, setKey] = useState(String(keys.get(tag.name.toLowerCase()) ?? ''))
  const [into, setInto] = useState('')
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const { busy, run: runBusy } = useBusyRunner(setError, { clearFirst: true })
  const { tags: tagCommands } = useCuration()
  const ids = { name: useId(), color: useId(), key: useId(), into: useId(), error: useId() }
  const others = tags.filter((t) => t.name !== tag.name)

  const run = (work: () => Promise<{ changed: number }>, done: (changed: number) => string) =>
    runBusy(work, ({ changed }) => onDone(done(changed)))

  return (
    <ModalDialog title={`Tag “${tag.name}”`} className="tag-dialog" onClose={onClose}>
      <p className="hint">
        Used on {plural(tag.count, 'review')}. Every change here can be undone.
      </p>
      {error && (
        <p id={ids.error} className="field-error" role="alert">
          {error}
        </p>
      )}
      <form
        className="dialog-row"
        onSubmit={(event) => {
          event.preventDefault()
          const to = name.trim()
          if (to && to !== tag.name) {
            run(
              () => tagCommands.rename({ from: tag.name, to }),
              (n) => `Renamed ${tag.name} to ${to} on ${plural(n, 'review')}`,
            )
          }
        }}
      >
        <label htmlFor={ids.name}>Name</label>
        <input
          id={ids.name}
          type="text"
          value={name}
          data-autofocus
          onChange={(event) => setName(event.target.value)}
          aria-describedby={error ? ids.error : undefined}
        />
        <button type="submit" disabled={busy || !name.trim() || name.trim() === tag.name}>
          Rename
        </button>
      </form>
      <p className="hint">Use “/” for levels: theme/fatherhood sits under theme.</p>
      <div className="dialog-row">
        <label htmlFor={ids.color}>Colour</label>
        <input
          id={ids.color}
          type="color"
          value={color}
          onChange={(event) => setColor(event.target.value)}
        />
        <button
          type="button"
          disabled={busy || color === tag.color}
          onClick={() =>
            run(
              () => tagCommands.recolor({ name: tag.name, color }),
              () => `Recoloured ${tag.name}`,
            )
          }
        >
          Set colour
        </button>
      </div>
      <div className="dialog-row">
        <label htmlFor={ids.key}>Key</label>
        <select id={ids.key} value={key} onChange={(event) => setKey(event.target.value)}>
          <option value="">None</option>
          {TAG_KEYS.map((k) => {
            const other = holder.get(k)
            return (
              <option key={k} value={k}>
                {other && other !== tag.name.toLowerCase() ? `${k} (now ${other})` : k}
              </option>
            )
          })}
        </select>
        <button
          type="button"
          disabled={busy || key === String(keys.get(tag.name.toLowerCase()) ?? '')}
          onClick={() =>
            run(
              () => tagCommands.setKey({ name: tag.name, key: key ? Number(key) : null }),
              () => (key ? `Key ${key} now toggles ${tag.name}` : `${tag.name} has no key now`),
            )
          }
        >
          Pin key
        </button>
      </div>
      <p className="hint">Keys 1–9 toggle their tag on the current review or the selection.</p>
      {others.length > 0 && (
        <div className="dialog-row">
          <label htmlFor={ids.into}>Merge into</label>
          <select id={ids.into} value={into} onChange={(event) => setInto(event.target.value)}>
            <option value="">Choose a tag…</option>
            {others.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.count})
              </option>
            ))}
          </select>
          <button
            type="button"
            disabled={busy || !into}
            onClick={() =>
              run(
                () => tagCommands.merge({ from: tag.name, into }),
                (n) => `Merged ${tag.name} into ${into} (${plural(n, 'review')})`,
              )
            }
          >
            Merge
          </button>
        </div>
      )}
      <div className="dialog-row danger-zone">
        {confirming ? (
          <>
            <p role="alert">
              Delete “{tag.name}” and remove it from {plural(tag.count, 'review')}?
            </p>
            <button
              type="button"
              className="danger"
              disabled={busy}
              // The confirmation replaces the button that had the focus; keep it in the dialog.
              autoFocus
              onClick={() =>
                run(
                  () => tagCommands.remove({ name: tag.name }),
                  (n) => `Deleted tag ${tag.name} from ${plural(n, 'review')}`,
                )
              }
            >
              Yes, delete
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep it
            </button>
          </>
        ) : (
          <button type="button" className="danger" onClick={() => setConfirming(true)}>
            Delete tag…
          </button>
        )}
      </div>
    </ModalDialog>
  )
}
