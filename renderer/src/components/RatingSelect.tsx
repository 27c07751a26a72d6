const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

interface Props {
  label: string
  value: number | undefined
  disabled?: boolean
  onChange: (value: number | undefined) => void
}

/** One end of a 1..10 range; "Any" leaves that end open. */
export function RatingSelect({ label, value, disabled, onChange }: Props) {
  return (
    <select
      aria-label={label}
      value={value ?? ''}
      disabled={disabled}
      onChange={(event) => onChange(event.target.value ? Number(event.target.value) : undefined)}
    >
      <option value="">Any</option>
      {VALUES.map((n) => (
        <option key={n} value={n}>
          {n}
        </option>
      ))}
    </select>
  )
}
