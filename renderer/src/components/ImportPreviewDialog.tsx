import { useRef } from 'react'
import { useModalDialog } from '../hooks/useModalDialog'
import type { ImportPreview, ImportProgress } from '../../../shared/contract'
import type { ParseOptions } from '../../../shared/domain'
import { plural } from '../format'
import { FilePreviewSection } from './FilePreviewSection'

interface Props {
  preview: ImportPreview
  busy: boolean
  progress: ImportProgress | null
  onOptions: (fileIndex: number, options: ParseOptions) => void
  onCommit: () => void
  onCancel: () => void
}

/** What an import would do, before it does it: Import commits, Cancel leaves the library as it was. */
export function ImportPreviewDialog({
  preview,
  busy,
  progress,
  onOptions,
  onCommit,
  onCancel,
}: Props) {
  const commitButton = useRef<HTMLButtonElement>(null)
  const { ref: dialog, headingId } = useModalDialog(() => commitButton.current)
  const ready = preview.files.filter((f) => f.error === null)
  const reviews = ready.reduce((n, f) => n + f.found, 0)
  const skipped = preview.files.length - ready.length
  const adds = ready.reduce((n, f) => n + f.wouldAdd, 0)
  const updates = ready.reduce((n, f) => n + f.wouldUpdate, 0)
  // The button says what committing changes, not how many reviews were read: "Import 5 reviews"
  // for a page already in the library would promise what it does not do.
  const commitLabel =
    reviews === 0
      ? 'Import'
      : adds === reviews
        ? `Import ${plural(reviews, 'review')}`
        : adds + updates === 0
          ? `Import (nothing new: all ${plural(reviews, 'review')} already in the library)`
          : `Import ${adds} new, update ${updates}`

  return (
    <dialog
      ref={dialog}
      className="import-dialog preview-dialog"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <div className="dialog-head">
        <h2 id={headingId}>Import preview</h2>
        <div className="dialog-actions">
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
          <button
            ref={commitButton}
            type="button"
            className="primary"
            disabled={busy || reviews === 0}
            onClick={onCommit}
          >
            {commitLabel}
          </button>
        </div>
      </div>
      {skipped > 0 && (
        <p className="dialog-message">
          {plural(skipped, 'file')} cannot be read as chosen and will be left out.
        </p>
      )}
      {busy && progress && (
        <progress
          className="dialog-progress"
          aria-label="Import progress"
          max={100}
          value={Math.round(progress.fraction * 100)}
        />
      )}
      <div className="dialog-body" tabIndex={0}>
        {preview.files.map((file, i) => (
          <FilePreviewSection
            key={`${file.fileName}-${i}`}
            file={file}
            busy={busy}
            onOptions={(options) => onOptions(i, options)}
          />
        ))}
      </div>
    </dialog>
  )
}
