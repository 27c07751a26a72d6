import { useEffect, useId, useRef, type ReactNode } from 'react'

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
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  useEffect(() => {
    const element = dialog.current
    if (!element) return
    const previous = document.activeElement
    if (!element.open) element.showModal()
    element.querySelector<HTMLElement>('[data-autofocus], input, select, textarea, button')?.focus()
    return () => {
      if (element.open) element.close()
      if (previous instanceof HTMLElement && previous.isConnected) previous.focus()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
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
