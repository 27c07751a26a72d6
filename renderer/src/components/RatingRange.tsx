import type { ReactNode } from 'react'
import { RatingSelect } from './RatingSelect'

export type Range = { min?: number; max?: number }

interface Props {
  /** The visible caption, e.g. "Rating". */
  caption: string
  /** Names the two ends for assistive technology: "Minimum <noun>", "Maximum <noun>". */
  noun: string
  value: Range
  disabled?: boolean
  onChange: (value: Range) => void
  /** Extra controls after the range (e.g. the Unrated check box). */
  children?: ReactNode
}

/** A 1..10 filter range: two selects, either end left open with "Any". */
export function RatingRange({ caption, noun, value, disabled, onChange, children }: Props) {
  return (
    <div className="field">
      <span aria-hidden="true">{caption}</span>
      <div className="range">
        <RatingSelect
          label={`Minimum ${noun}`}
          value={value.min}
          disabled={disabled}
          onChange={(min) => onChange({ ...value, min })}
        />
        <span aria-hidden="true">–</span>
        <RatingSelect
          label={`Maximum ${noun}`}
          value={value.max}
          disabled={disabled}
          onChange={(max) => onChange({ ...value, max })}
        />
        {children}
      </div>
    </div>
  )
}
