import { focusReviewList } from '../focus'
import { useEffect, useId, useRef, useState } from 'react'
import { errorMessage } from '../error-text'
import { useCuration } from '../hooks/useCuration'

const PAUSE_MS = 500

interface Props {
  reviewId: string
  initial: string | null
  /** Every keystroke, for the Markdown preview. */
  onDraft?: (text: string) => void
  onError: (message: string) => void
}

/**
 * Mount one per review (key it by id): the text is local while typing and is written after a
 * pause, on blur, and when the reader moves to another review, so nothing typed is lost.
 */
export function NoteEditor({ reviewId, initial, onDraft, onError }: Props) {
  const curation = useCuration()
  const [text, setText] = useState(initial ?? '')
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle')
  const saved = useRef(initial ?? '')
  const latest = useRef({ text, onError })
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null)
  const id = useId()

  useEffect(() => {
    latest.current = { text, onError }
  })

  const save = () => {
    if (timer.current) clearTimeout(timer.current)
    timer.current = null
    const { text: value, onError: fail } = latest.current
    if (value === saved.current) return
    saved.current = value
    setState('saving')
    curation
      .note({ id: reviewId, note: value.trim() === '' ? null : value })
      .then(() => setState('saved'))
      .catch((error: unknown) => {
        setState('idle')
        fail(errorMessage(error))
      })
  }
  const saveRef = useRef(save)
  useEffect(() => {
    saveRef.current = save
  })

  // Leaving the review (or the app re-keying this editor) must not drop a pending edit.
  useEffect(() => () => saveRef.current(), [])

  return (
    <div className="note-editor">
      <div className="label-row">
        <label htmlFor={id} className="label">
          Note
        </label>
        <span className="save-state" aria-live="polite">
          {state === 'saving' ? 'Saving…' : state === 'saved' ? 'Saved' : ''}
        </span>
      </div>
      <textarea
        id={id}
        data-field="note"
        value={text}
        rows={3}
        placeholder="Why this review matters, a pull-quote, a counterpoint… (Markdown works)"
        onChange={(event) => {
          setText(event.target.value)
          onDraft?.(event.target.value)
          latest.current.text = event.target.value
          if (timer.current) clearTimeout(timer.current)
          timer.current = setTimeout(() => saveRef.current(), PAUSE_MS)
        }}
        onBlur={() => save()}
        onKeyDown={(event) => {
          // Esc saves (through blur) and hands the keyboard back to the list.
          if (event.key !== 'Escape') return
          event.preventDefault()
          focusReviewList()
        }}
      />
    </div>
  )
}
