interface Props {
  label: string
  /** What the "yes" and "no" options read, e.g. "Kept" and "Not kept". */
  yes: string
  no: string
  value: boolean | undefined
  onChange: (value: boolean | undefined) => void
}

/** A yes / no / any filter on one of the review's sets (Kept, Reviewed). */
export function SetFilter({ label, yes, no, value, onChange }: Props) {
  return (
    <label className="field">
      <span>{label}</span>
      <select
        value={value === undefined ? 'any' : value ? 'yes' : 'no'}
        onChange={(event) => {
          const chosen = event.target.value
          onChange(chosen === 'any' ? undefined : chosen === 'yes')
        }}
      >
        <option value="any">Any</option>
        <option value="yes">{yes}</option>
        <option value="no">{no}</option>
      </select>
    </label>
  )
}
