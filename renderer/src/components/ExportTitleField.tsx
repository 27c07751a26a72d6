import { useId } from 'react'
import type { ExportFormat } from '../../../shared/channels/export'
import type { ExportForm } from '../hooks/useExportForm'

/** The formats a person reads, which carry a title; the data formats have none. */
const TITLED: readonly ExportFormat[] = ['md', 'docx', 'html', 'pdf']

interface Props {
  format: ExportFormat
  naming: ExportForm['naming']
  /** The user's title, or null to follow the default (which follows the scope). */
  title: string | null
  onTitle: (title: string | null) => void
}

/** The report's title, editable, and the file name the save dialog will propose. */
export function ExportTitleField({ format, naming, title, onTitle }: Props) {
  const id = useId()
  const hintId = useId()
  return (
    <>
      {TITLED.includes(format) && (
        <div className="dialog-row">
          <label htmlFor={id}>Title</label>
          <input
            id={id}
            type="text"
            className="export-title"
            maxLength={300}
            value={title ?? naming?.title ?? ''}
            placeholder={naming?.title}
            aria-describedby={hintId}
            onChange={(e) => onTitle(e.target.value)}
          />
        </div>
      )}
      <p className="hint" id={hintId}>
        {naming ? `Saved as “${naming.fileName}” unless you choose another name.` : '\u00a0'}
      </p>
    </>
  )
}
