import { useId, useRef, useState } from 'react'

const MAX_SUGGESTIONS = 8

interface Props {
  tags: string[]
  known: string[]
  /** Tag name (lower case) → colour, for the chips. */
  colors?: ReadonlyMap<string, string>
  disabled: boolean
  onAdd: (tags: string[]) => void
  onRemove: (tag: string) => void
}

/**
 * Chips plus an "Add tag" field. Existing tags are offered as buttons rather than a <datalist>:
 * a datalist turns the field into a combobox, and the field must stay a plain textbox.
 */
export function TagEditor({ tags, known, colors, disabled, onAdd, onRemove }: Props) {
  const [draft, setDraft] = useState('')
  const input = useRef<HTMLInputElement>(null)
  const inputId = useId()
  const hintId = useId()
  const prefix = draft.trim().toLowerCase()
  // A level of a nested tag counts too: "father" offers theme/fatherhood.
  const suggestions = known
    .filter((name) => {
      const lower = name.toLowerCase()
      return !tags.includes(name) && (lower.startsWith(prefix) || lower.includes(`/${prefix}`))
    })
    .slice(0, MAX_SUGGESTIONS)

  const submit = (names: string[]) => {
    if (disabled) return
    const fresh = [...new Set(names.map((n) => n.trim()).filter((n) => n && !tags.includes(n)))]
    if (fresh.length > 0) onAdd(fresh)
    setDraft('')
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
              onClick={() => onRemove(tag)}
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
          type="text"
          value={draft}
          readOnly={disabled}
          aria-busy={disabled || undefined}
          autoComplete="off"
          aria-describedby={hintId}
          placeholder="e.g. acting"
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return
            event.preventDefault()
            // Commas let a few tags go in at once: "acting, pull-quote".
            submit(draft.split(','))
          }}
        />
        <span id={hintId} className="visually-hidden">
          Press Enter to add. Separate several tags with commas.
        </span>
      </div>
      {suggestions.length > 0 && (
        <div className="suggestions">
          <span className="hint">Existing:</span>
          {suggestions.map((name) => (
            <button
              key={name}
              type="button"
              className="chip suggestion"
              title={`Add the existing tag ${name}`}
              disabled={disabled}
              onClick={() => {
                submit([name])
                // The button goes away with its suggestion: typing carries on in the field.
                input.current?.focus()
              }}
            >
              + {name}
            </button>
          ))}
        </div>
      )}
    </div>
  )
}
