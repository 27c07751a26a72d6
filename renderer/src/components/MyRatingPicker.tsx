import { useId } from 'react'

const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

interface Props {
  value: number | null
  disabled: boolean
  onChange: (value: number | null) => void
}

/** Toggle buttons rather than radios: one click sets a rating, and "Clear" is just another. */
export function MyRatingPicker({ value, disabled, onChange }: Props) {
  const labelId = useId()
  return (
    <div className="my-rating">
      <span id={labelId} className="label">
        My rating
      </span>
      <div role="group" aria-labelledby={labelId} className="rating-buttons">
        {VALUES.map((n) => (
          <button
            key={n}
            type="button"
            aria-pressed={value === n}
            className={value !== null && n <= value ? 'score on' : 'score'}
            disabled={disabled}
            onClick={() => onChange(n)}
          >
            {n}
          </button>
        ))}
        <button
          type="button"
          className="quiet"
          disabled={disabled || value === null}
          onClick={() => onChange(null)}
        >
          Clear
        </button>
      </div>
    </div>
  )
}
