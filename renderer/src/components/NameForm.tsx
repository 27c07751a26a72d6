import { useId, useState } from 'react'

interface Props {
  label: string
  submitLabel: string
  /** What the field starts with: a rename offers the current name. */
  initial?: string
  /** Gets the trimmed name, never an empty one; the owner closes the form once it is saved. */
  onSubmit: (name: string) => void
  /** Esc closes the form unsaved. */
  onCancel: () => void
}

/** The sidebar's one-field form that names a new saved view or collection, or renames one. */
export function NameForm({ label, submitLabel, initial = '', onSubmit, onCancel }: Props) {
  const [name, setName] = useState(initial)
  const inputId = useId()
  return (
    <form
      className="view-form"
      onSubmit={(event) => {
        event.preventDefault()
        const clean = name.trim()
        if (clean) onSubmit(clean)
      }}
    >
      <label htmlFor={inputId} className="label">
        {label}
      </label>
      <input
        id={inputId}
        type="text"
        value={name}
        autoFocus
        onChange={(event) => setName(event.target.value)}
        onKeyDown={(event) => event.key === 'Escape' && onCancel()}
      />
      <button type="submit" disabled={!name.trim()}>
        {submitLabel}
      </button>
    </form>
  )
}
