import type { ReactNode } from 'react'
import { useModalDialog } from '../hooks/useModalDialog'

interface Props {
  title: string
  className?: string
  onClose: () => void
  children: ReactNode
}

// The body's first usable control, not the head's Close button, which comes first in the
// document: typing must land in the field the dialog is for. Of a radio group, the checked one.
const FIRST_FIELD =
  '.dialog-body :is(input:not([type="radio"]), input[type="radio"]:checked, select, textarea, button):not(:disabled)'

/**
 * A modal <dialog>: showModal() gives the focus trap, the inert background and Escape. Focus goes
 * to the first field or button inside on open, and back to where it was on close.
 */
export function ModalDialog({ title, className, onClose, children }: Props) {
  const { ref, headingId } = useModalDialog(
    (element) =>
      element.querySelector<HTMLElement>('[data-autofocus]') ??
      element.querySelector<HTMLElement>(FIRST_FIELD) ??
      element.querySelector<HTMLElement>('button'),
  )
  return (
    <dialog
      ref={ref}
      className={`modal ${className ?? ''}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <div className="dialog-head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="quiet" onClick={onClose}>
          Close
        </button>
      </div>
      <div className="dialog-body">{children}</div>
    </dialog>
  )
}
