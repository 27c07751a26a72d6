import type { ReactNode } from 'react'
import { useModalDialog } from '../hooks/useModalDialog'

interface Props {
  title: string
  className?: string
  onClose: () => void
  children: ReactNode
}

/**
 * A modal <dialog>: showModal() gives the focus trap, the inert background and Escape. Focus goes
 * to the first field or button inside on open, and back to where it was on close.
 */
export function ModalDialog({ title, className, onClose, children }: Props) {
  const { ref, headingId } = useModalDialog((element) =>
    element.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button'),
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
