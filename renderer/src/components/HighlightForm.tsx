import { useId, useState } from 'react'

export interface HighlightDraft {
  quote: string
  tag: string
  comment: string
}

interface Props {
  initialQuote: string
  busy: boolean
  onSave: (draft: HighlightDraft) => void
  onCancel: () => void
}

/**
 * The passage comes from the text selected in the review; it can also be typed or pasted, so a
 * highlight can be made without a mouse. Main finds the passage in the text by its words.
 */
export function HighlightForm({ initialQuote, busy, onSave, onCancel }: Props) {
  const [draft, setDraft] = useState<HighlightDraft>({ quote: initialQuote, tag: '', comment: '' })
  const ids = { quote: useId(), tag: useId(), comment: useId() }
  return (
    <form
      className="highlight-form"
      aria-label="New highlight"
      onSubmit={(event) => {
        event.preventDefault()
        if (draft.quote.trim()) onSave(draft)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault()
          onCancel()
        }
      }}
    >
      <label htmlFor={ids.quote} className="label">
        Passage
      </label>
      <textarea
        id={ids.quote}
        rows={3}
        value={draft.quote}
        autoFocus
        placeholder="Select text in the review, or type words from it"
        onChange={(event) => setDraft({ ...draft, quote: event.target.value })}
      />
      <div className="highlight-fields">
        <label htmlFor={ids.tag} className="label">
          Highlight tag (optional)
        </label>
        <input
          id={ids.tag}
          type="text"
          value={draft.tag}
          onChange={(event) => setDraft({ ...draft, tag: event.target.value })}
        />
        <label htmlFor={ids.comment} className="label">
          Comment (optional)
        </label>
        <input
          id={ids.comment}
          type="text"
          value={draft.comment}
          onChange={(event) => setDraft({ ...draft, comment: event.target.value })}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="primary" disabled={busy || !draft.quote.trim()}>
          Save highlight
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
