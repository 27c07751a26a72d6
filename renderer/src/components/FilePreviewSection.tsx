import type { FilePreview } from '../../../shared/contract'
import { FORMAT_IDS } from '../../../shared/channels/import'
import type { FormatId, ParseOptions } from '../../../shared/domain'
import { formatDate, plural, workLabel } from '../format'
import { FORMAT_LABELS, formatBytes } from '../format-labels'
import { AmbiguousBylines, Fragments, Warnings, shortfallNote } from './ImportLists'
import { MappingStep } from './MappingStep'

interface Props {
  file: FilePreview
  busy: boolean
  onOptions: (options: ParseOptions) => void
}

function optionsOf(file: FilePreview): ParseOptions {
  return {
    ...(file.formatOverride ? { format: file.formatOverride } : {}),
    ...(file.columns
      ? { mapping: Object.fromEntries(file.columns.map((c) => [c.name, c.mappedTo])) }
      : {}),
    ...(file.ratingScale ? { ratingScale: file.ratingScale } : {}),
  }
}

function FormatPicker({ file, busy, onOptions }: Props) {
  return (
    <select
      aria-label={`Format of ${file.fileName}`}
      value={file.formatOverride ?? ''}
      disabled={busy}
      onChange={(event) => {
        const format = event.target.value as FormatId | ''
        // A new format reads different columns: the old mapping would not apply.
        onOptions(format ? { format } : {})
      }}
    >
      <option value="">
        Detect automatically
        {file.format && !file.formatOverride ? ` (${FORMAT_LABELS[file.format]})` : ''}
      </option>
      {FORMAT_IDS.map((id) => (
        <option key={id} value={id}>
          {FORMAT_LABELS[id]}
        </option>
      ))}
    </select>
  )
}

function Rows({ file }: { file: FilePreview }) {
  if (file.rows.length === 0) return null
  const manyWorks = file.works.length > 1
  return (
    <>
      <h4>
        {file.rows.length < file.found
          ? `First ${file.rows.length} of ${file.found} reviews`
          : 'Reviews'}
      </h4>
      <table className="report-table preview-rows">
        <thead>
          <tr>
            <th scope="col">Line</th>
            {manyWorks && <th scope="col">Work</th>}
            <th scope="col">Rating</th>
            <th scope="col">Headline</th>
            <th scope="col">Author</th>
            <th scope="col">Date</th>
          </tr>
        </thead>
        <tbody>
          {file.rows.map((row) => (
            <tr key={`${row.line}-${row.title}`} title={row.excerpt}>
              <td>{row.line}</td>
              {manyWorks && <td>{workLabel(row.work)}</td>}
              <td>{row.rating === null ? '—' : `${row.rating}/10`}</td>
              <td>
                {row.title || <em>(no headline)</em>}
                {row.spoiler && <span className="badge"> spoiler</span>}
                {row.truncated && <span className="badge"> cut off</span>}
              </td>
              <td>{row.author || '—'}</td>
              <td>{formatDate(row.date)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}

export function FilePreviewSection({ file, busy, onOptions }: Props) {
  const note = shortfallNote(file.found, file.declared, file.incomplete)
  return (
    <section className="file-report" aria-label={`Preview of ${file.fileName}`}>
      <h3>
        {file.fileName} <span className="hint">({formatBytes(file.sizeBytes)})</span>
      </h3>
      <dl className="facts">
        <dt>Format</dt>
        <dd>
          <FormatPicker file={file} busy={busy} onOptions={onOptions} />
          {file.encoding && <span className="hint"> · {file.encoding}</span>}
        </dd>
        {file.error === null && (
          <>
            <dt>{file.works.length === 1 ? 'Work' : 'Works'}</dt>
            <dd>{file.works.length > 0 ? file.works.map(workLabel).join(', ') : '—'}</dd>
            <dt>Reviews</dt>
            <dd>
              {plural(file.found, 'review')} found
              {file.declared !== null && ` of ${file.declared} declared`}
            </dd>
            <dt>Library</dt>
            <dd>
              {file.wouldAdd} new · {file.wouldUpdate} changed · {file.wouldKeep} already there
            </dd>
          </>
        )}
      </dl>
      {file.error !== null && (
        <p className="note error-note" role="alert">
          {file.error}
        </p>
      )}
      {note && <p className="note warning-note">{note}</p>}
      {file.generic && (
        <p className="note warning-note">
          Read with the best-effort generic parser: authors, dates and ratings are guesses. Check
          the rows below, or choose another format.
        </p>
      )}
      {file.columns && (
        <MappingStep
          columns={file.columns}
          ratingScale={file.ratingScale}
          disabled={busy}
          onChange={(change) => onOptions({ ...optionsOf(file), ...change })}
        />
      )}
      <Rows file={file} />
      <AmbiguousBylines items={file.ambiguousBylines} total={file.ambiguousCount} />
      <Warnings items={file.warnings} total={file.warningCount} />
      <Fragments items={file.fragments} total={file.fragmentCount} />
    </section>
  )
}
