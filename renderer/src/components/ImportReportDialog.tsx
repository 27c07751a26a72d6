import { useRef } from 'react'
import { useModalDialog } from '../hooks/useModalDialog'
import type { ImportReport } from '../../../shared/contract'
import { FileReport } from './FileReport'

interface Props {
  report: ImportReport
  onClose: () => void
  /** Reverts this import (one step); absent once it was undone. */
  onUndo?: () => void
  onCopyFragments?: (recordId: string) => void
  /** A line under the heading: the outcome of Undo or Copy. */
  message?: string | null
}

/**
 * A modal <dialog>: showModal() gives the focus trap, the inert background and Escape for free.
 * Focus goes to Close on open and to the review list on close.
 */
export function ImportReportDialog({ report, onClose, onUndo, onCopyFragments, message }: Props) {
  const closeButton = useRef<HTMLButtonElement>(null)
  // Focus rule 4: after a report the reviews are what comes next, whatever opened the import.
  const { ref: dialog, headingId } = useModalDialog(() => closeButton.current, { toList: true })

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        // Escape: let React state decide, so the dialog unmounts instead of lingering closed.
        event.preventDefault()
        onClose()
      }}
    >
      <div className="dialog-head">
        <h2 id={headingId}>Import report</h2>
        <div className="dialog-actions">
          {onUndo && (
            <button
              type="button"
              onClick={onUndo}
              title="Remove what this import added and restore what it changed"
            >
              Undo import
            </button>
          )}
          <button ref={closeButton} type="button" className="primary" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      {message && (
        <p className="dialog-message" role="status">
          {message}
        </p>
      )}
      {/* Focusable so keyboard users can scroll a long report without a mouse. */}
      <div className="dialog-body" tabIndex={0}>
        {report.files.map((file, i) => (
          <FileReport key={`${file.fileName}-${i}`} file={file} onCopyFragments={onCopyFragments} />
        ))}
      </div>
    </dialog>
  )
}
