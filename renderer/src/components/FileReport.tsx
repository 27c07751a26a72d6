import type { FileImportReport } from '../../../shared/contract'
import { FORMAT_LABELS } from '../format-labels'
import { plural, workLabel } from '../format'
import { AmbiguousBylines, Fragments, Warnings, shortfallNote } from './ImportLists'

function foundLine(file: FileImportReport): string {
  const found = plural(file.found, 'review')
  return file.declared === null ? `${found} found` : `${found} found of ${file.declared} declared`
}

interface Props {
  file: FileImportReport
  /** Copies every stored fragment of this file (not just the ones listed). */
  onCopyFragments?: (recordId: string) => void
}

export function FileReport({ file, onCopyFragments }: Props) {
  const note = shortfallNote(file.found, file.declared, file.incomplete)
  return (
    <section className="file-report">
      <h3>{file.fileName}</h3>
      <dl className="facts">
        <dt>Format</dt>
        <dd>
          {FORMAT_LABELS[file.format] ?? file.format}
          {file.encoding && <span className="hint"> · {file.encoding}</span>}
        </dd>
        <dt>{file.works.length === 1 ? 'Work' : 'Works'}</dt>
        <dd>{file.works.length > 0 ? file.works.map(workLabel).join(', ') : '—'}</dd>
        <dt>Reviews</dt>
        <dd>{foundLine(file)}</dd>
        <dt>Library</dt>
        <dd>
          {file.added} added · {file.updated} updated · {file.unchanged} unchanged
        </dd>
      </dl>
      {note && <p className="note warning-note">{note}</p>}
      {file.generic && (
        <p className="note warning-note">
          Read with the best-effort generic parser: check these reviews in the list.
        </p>
      )}
      <AmbiguousBylines items={file.ambiguousBylines} total={file.ambiguousCount} />
      <Warnings items={file.warnings} total={file.warningCount} />
      <Fragments
        items={file.fragments}
        total={file.fragmentCount}
        action={
          onCopyFragments && (
            <button type="button" className="quiet" onClick={() => onCopyFragments(file.recordId)}>
              Copy fragments
            </button>
          )
        }
      />
    </section>
  )
}
