import { useId } from 'react'

const VALUES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

interface Props {
  value: number | null
  /** The reviewer's own rating, to show how far mine differs. */
  original?: number | null
  disabled: boolean
  onChange: (value: number | null) => void
}

/** Toggle buttons rather than radios: one click sets a rating, and "Clear" is just another. */
export function MyRatingPicker({ value, original = null, disabled, onChange }: Props) {
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
            title={`Alt+${n % 10}`}
            onClick={() => onChange(n)}
          >
            {n}
          </button>
        ))}
        <button
          type="button"
          className="quiet"
          disabled={disabled || value === null}
          title="Alt+Backspace"
          onClick={() => onChange(null)}
        >
          Clear
        </button>
      </div>
      {value !== null && original !== null && (
        <span className={value === original ? 'rating-diff' : 'rating-diff differs'}>
          {value === original
            ? 'same as the original'
            : `${value > original ? '+' : '−'}${Math.abs(value - original)} vs the original`}
        </span>
      )}
    </div>
  )
}
