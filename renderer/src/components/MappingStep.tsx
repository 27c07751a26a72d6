import type { ColumnInfo, MappedField, ParseOptions } from '../../../shared/domain'
import { FIELD_LABELS } from '../format-labels'

interface Props {
  columns: ColumnInfo[]
  ratingScale: 5 | 10 | 100 | null
  disabled: boolean
  onChange: (options: Pick<ParseOptions, 'mapping' | 'ratingScale'>) => void
}

const FIELDS = Object.keys(FIELD_LABELS) as MappedField[]

/** Column → field for tabular and JSON dumps; every change re-parses the file in main. */
export function MappingStep({ columns, ratingScale, disabled, onChange }: Props) {
  const mapping = Object.fromEntries(columns.map((c) => [c.name, c.mappedTo]))
  const hasBody = columns.some((c) => c.mappedTo === 'body')
  return (
    <fieldset className="mapping-step" disabled={disabled}>
      <legend>Columns</legend>
      {!hasBody && (
        <p className="note warning-note">
          No column is read as the review text yet: choose which one holds it.
        </p>
      )}
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">Read as</th>
            <th scope="col">Sample values</th>
          </tr>
        </thead>
        <tbody>
          {columns.map((column) => (
            <tr key={column.name}>
              <th scope="row">
                <code>{column.name}</code>
              </th>
              <td>
                <select
                  aria-label={`Field for column ${column.name}`}
                  value={column.mappedTo}
                  onChange={(event) =>
                    onChange({
                      mapping: { ...mapping, [column.name]: event.target.value as MappedField },
                      ratingScale: ratingScale ?? undefined,
                    })
                  }
                >
                  {FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {FIELD_LABELS[field]}
                    </option>
                  ))}
                </select>
              </td>
              <td className="samples">{column.samples.slice(0, 3).join(' · ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="inline-field">
        Ratings are out of{' '}
        <select
          aria-label="Rating scale"
          value={ratingScale ?? ''}
          onChange={(event) =>
            onChange({
              mapping,
              ratingScale: event.target.value
                ? (Number(event.target.value) as 5 | 10 | 100)
                : undefined,
            })
          }
        >
          <option value="">(detected from the values)</option>
          <option value={5}>5 (stars)</option>
          <option value={10}>10</option>
          <option value={100}>100</option>
        </select>{' '}
        and are converted to the library&rsquo;s 1–10.
      </label>
    </fieldset>
  )
}
