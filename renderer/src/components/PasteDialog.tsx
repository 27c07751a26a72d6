import { useState } from 'react'
import { ModalDialog } from './ModalDialog'

interface Props {
  onPreview: (text: string) => void
  onClose: () => void
}

/** Import → Paste: for when Ctrl/Cmd+V on the library is not at hand (or not obvious). */
export function PasteDialog({ onPreview, onClose }: Props) {
  const [text, setText] = useState('')
  return (
    <ModalDialog title="Paste reviews" className="paste-dialog" onClose={onClose}>
      <form
        className="paste-form"
        onSubmit={(event) => {
          event.preventDefault()
          if (text.trim() !== '') onPreview(text)
        }}
      >
        <label htmlFor="paste-text">
          Paste a copied page of reviews (select all, copy), a JSON, CSV or TSV dump:
        </label>
        <textarea
          id="paste-text"
          data-autofocus
          rows={14}
          value={text}
          spellCheck={false}
          onChange={(event) => setText(event.target.value)}
        />
        <div className="dialog-footer">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={text.trim() === ''}>
            Preview
          </button>
        </div>
      </form>
    </ModalDialog>
  )
}
