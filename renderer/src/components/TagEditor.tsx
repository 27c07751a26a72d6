import { useId, useRef, useState } from 'react'
import { enterChoice, moveActive, tagOptions, type TagOption } from '../tag-entry'

interface Props {
  tags: string[]
  known: string[]
  /** Tag name (lower case) → colour, for the chips. */
  colors?: ReadonlyMap<string, string>
  disabled: boolean
  onAdd: (tags: string[]) => void
  onRemove: (tag: string) => void
}

const optionLabel = (o: TagOption) => (o.kind === 'create' ? `Create “${o.name}”` : `+ ${o.name}`)

/**
 * Chips plus an "Add tag" field. Existing tags are offered as buttons rather than a <datalist>:
 * a datalist turns the field into a combobox, and the field must stay a plain textbox. Enter
 * takes the highlighted offer (↑ ↓ move it, Tab completes the name); a new tag needs its
 * explicit Create option (see tag-entry.ts).
 */
export function TagEditor({ tags, known, colors, disabled, onAdd, onRemove }: Props) {
  const [draft, setDraft] = useState('')
  const [active, setActive] = useState(0)
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const options = tagOptions(draft, known, tags)
  const choice = draft.trim() ? enterChoice(options, active) : null

  const edit = (value: string) => {
    setDraft(value)
    setActive(0)
  }
  const submit = (names: string[]) => {
    if (disabled) return
    const fresh = [...new Set(names.map((n) => n.trim()).filter((n) => n && !tags.includes(n)))]
    if (fresh.length > 0) onAdd(fresh)
    edit('')
  }

  return (
    <div className="tag-editor">
      <ul className="chips" aria-label="Tags">
        {tags.length === 0 && <li className="hint">No tags yet</li>}
        {tags.map((tag) => (
          <li key={tag} className="chip">
            {colors?.has(tag.toLowerCase()) && (
              <span className="swatch" style={{ background: colors.get(tag.toLowerCase()) }} />
            )}
            <span>{tag}</span>
            <button
              type="button"
              className="chip-remove"
              aria-label={`Remove tag ${tag}`}
              disabled={disabled}
              onClick={() => {
                onRemove(tag)
                // Focus rule: the chip's button goes away with the tag; the field takes the keys.
                input.current?.focus()
              }}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="tag-input-row">
        <label htmlFor={inputId} className="label">
          Add tag
        </label>
        {/* Focus rule: the field is never disabled while a tag saves (a disabled field drops focus
            to <body>, and the next keys would fire shortcuts); it turns read-only instead. */}
        <input
          ref={input}
          id={inputId}
          data-field="tag"
          type="text"
          value={draft}
          readOnly={disabled}
          aria-busy={disabled || undefined}
          autoComplete="off"
          aria-describedby={hintId}
          placeholder="e.g. acting"
          onChange={(event) => edit(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
              if (options.length === 0) return
              event.preventDefault()
              setActive((a) => moveActive(a, options.length, event.key === 'ArrowDown' ? 1 : -1))
            } else if (event.key === 'Tab' && !event.shiftKey && choice?.kind === 'existing') {
              if (choice.name === draft) return
              event.preventDefault()
              edit(choice.name)
            } else if (event.key === 'Enter') {
              event.preventDefault()
              // Commas let a few tags go in at once, written out in full: "acting, pull-quote".
              if (draft.includes(',')) submit(draft.split(','))
              else if (choice) submit([choice.name])
            }
          }}
        />
        <span id={hintId} className="visually-hidden">
          {choice
            ? `Enter ${choice.kind === 'create' ? 'creates the new tag' : 'adds'} ${choice.name}. `
            : ''}
          Up and down arrows choose, Tab completes. Separate several tags with commas.
        </span>
      </div>
      {options.length > 0 && (
        <div className="suggestions">
          <span className="hint">{choice ? 'Enter adds:' : 'Existing:'}</span>
          {options.map((o) => (
            <button
              key={`${o.kind}:${o.name}`}
              type="button"
              className={`chip suggestion${choice === o ? ' active' : ''}${o.kind === 'create' ? ' create' : ''}`}
              aria-current={choice === o || undefined}
              title={o.kind === 'create' ? `Create the new tag ${o.name}` : `Add the tag ${o.name}`}
              disabled={disabled}
              onClick={() => {
                submit([o.name])
                // The button goes away with its offer: typing carries on in the field.
                input.current?.focus()
              }}
            >
              {optionLabel(o)}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
