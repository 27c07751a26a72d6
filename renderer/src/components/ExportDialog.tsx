import { useId, useState } from 'react'
import {
  EXPORT_FORMAT_LABELS,
  EXPORT_FORMATS,
  type ExportFields,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
  type ExportScope,
} from '../../../shared/channels/export'
import type { LibraryInfo } from '../../../shared/contract'
import { SORT_FIELDS, type ReviewQuery } from '../../../shared/query'
import { plural } from '../format'
import type { ExportSelection } from '../hooks/useExportDialog'
import { useExportForm } from '../hooks/useExportForm'
import { useExportRun } from '../hooks/useExportRun'
import { useLibrary } from '../hooks/useLibrary'
import { ExportPresets } from './ExportPresets'
import { ExportScopePicker } from './ExportScopePicker'
import { ExportTitleField } from './ExportTitleField'
import { ModalDialog } from './ModalDialog'

interface Props {
  info: LibraryInfo
  query: ReviewQuery
  selection: ExportSelection
  onDone: (result: ExportResult) => void
  onClose: () => void
}

const FIELD_LABELS: Record<ExportFields, string> = {
  all: 'Everything (original fields and curation)',
  original: 'Original fields only',
  curation: 'Curation only (tags, notes, ratings, highlights)',
  highlights: 'Highlights only',
}

const SORT_LABELS: Record<string, string> = {
  date: 'date',
  rating: 'original rating',
  myRating: 'my rating',
  ratingDiff: 'rating difference',
  helpful: 'helpful votes',
  helpfulRatio: 'helpful ratio',
  length: 'length',
  title: 'headline',
}

/** What each direction means for a field: headlines go A to Z, not "highest first". */
function orderWords(field: string): { asc: string; desc: string } {
  if (field === 'title') return { asc: 'A to Z', desc: 'Z to A' }
  if (field === 'date') return { asc: 'oldest first', desc: 'newest first' }
  if (field === 'length') return { asc: 'shortest first', desc: 'longest first' }
  return { asc: 'lowest first', desc: 'highest first' }
}

function initialScope(selection: ExportSelection, query: ReviewQuery): ExportScope {
  if (selection && 'ids' in selection) return { kind: 'selection', ids: selection.ids }
  if (!selection && query.collection) return { kind: 'collection', id: query.collection }
  return { kind: 'query', query: selection?.query ?? query }
}

/** File → Export…: what, which format and options, how many; then the save dialog writes it. */
export function ExportDialog({ info, query, selection, onDone, onClose }: Props) {
  const [error, setError] = useState<string | null>(null)
  const { views, collections } = useLibrary()
  const { running, progress, run, cancel } = useExportRun(onDone, setError)
  const form = useExportForm(initialScope(selection, query), setError)
  const { format, options } = form
  // null follows the default title, which changes with the scope; typing makes it the user's.
  const [title, setTitle] = useState<string | null>(null)
  const formatId = useId()
  const orderId = useId()

  const pdfBlocked = format === 'pdf' && form.prefs !== null && !form.prefs.pdfAvailable
  const orderValue = options.order ? `${options.order.field}:${options.order.dir}` : ''

  return (
    <ModalDialog
      title="Export"
      className="export-dialog"
      onClose={running ? () => undefined : onClose}
    >
      <ExportScopePicker
        scope={form.scope}
        info={info}
        views={views}
        query={query}
        selection={selection}
        onScope={form.setScope}
        collections={collections}
      />
      <div className="dialog-row">
        <label htmlFor={formatId}>Format</label>
        <select
          id={formatId}
          value={format}
          onChange={(e) => form.setFormat(e.target.value as ExportFormat)}
        >
          {EXPORT_FORMATS.map((f) => (
            <option key={f} value={f}>
              {EXPORT_FORMAT_LABELS[f]}
            </option>
          ))}
        </select>
      </div>
      {pdfBlocked && (
        <p className="field-error" role="note">
          PDF needs the desktop app: it prints the HTML report with Electron. Export the HTML report
          and print it from a browser instead.
        </p>
      )}
      {(format === 'md' || format === 'docx') && (
        <p className="hint">The quote sheet holds the kept reviews and the highlights.</p>
      )}
      <ExportTitleField format={format} naming={form.naming} title={title} onTitle={setTitle} />
      <fieldset className="export-fieldset">
        <legend>Fields</legend>
        {(Object.keys(FIELD_LABELS) as ExportFields[]).map((f) => (
          <label key={f} className="export-choice">
            <input
              type="radio"
              name="export-fields"
              checked={options.fields === f}
              onChange={() => form.setOptions({ fields: f })}
            />
            {FIELD_LABELS[f]}
          </label>
        ))}
      </fieldset>
      <label className="export-choice">
        <input
          type="checkbox"
          checked={options.includeSpoilers}
          onChange={(e) => form.setOptions({ includeSpoilers: e.target.checked })}
        />
        Include spoiler reviews
      </label>
      {(format === 'csv' || format === 'tsv') && (
        <label className="export-choice">
          <input
            type="checkbox"
            checked={options.bom}
            onChange={(e) => form.setOptions({ bom: e.target.checked })}
          />
          Byte-order mark (so Excel reads the file as UTF-8)
        </label>
      )}
      <div className="dialog-row">
        <label htmlFor={orderId}>Order</label>
        <select
          id={orderId}
          value={orderValue}
          onChange={(e) => {
            const [field, dir] = e.target.value.split(':')
            const order = field ? ({ field, dir } as ExportOptions['order']) : null
            form.setOptions({ order })
          }}
        >
          <option value="">As listed</option>
          {SORT_FIELDS.flatMap((f) => [
            <option key={`${f}:desc`} value={`${f}:desc`}>
              {`By ${SORT_LABELS[f] ?? f}, ${orderWords(f).desc}`}
            </option>,
            <option key={`${f}:asc`} value={`${f}:asc`}>
              {`By ${SORT_LABELS[f] ?? f}, ${orderWords(f).asc}`}
            </option>,
          ])}
        </select>
      </div>
      <ExportPresets form={form} />
      <p className="export-count" role="status">
        {form.countError ??
          (form.count === null ? 'Counting…' : `${plural(form.count, 'review')} will be written`)}
      </p>
      {running && (
        <div className="dialog-row">
          <progress
            aria-label="Export progress"
            max={progress?.total ?? 1}
            value={progress?.written ?? 0}
          />
          <button type="button" onClick={cancel}>
            Stop export
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="dialog-row export-actions">
        <button
          type="button"
          className="primary"
          disabled={running || pdfBlocked || !form.count}
          onClick={() =>
            run({ format, scope: form.scope, options, ...(title?.trim() ? { title } : {}) })
          }
        >
          Export…
        </button>
        <button type="button" onClick={onClose} disabled={running}>
          Cancel
        </button>
      </div>
    </ModalDialog>
  )
}
