import { spanLabel, type DateSpan } from '../../../shared/date-period'
import { focusReviewList } from '../focus'

interface Props {
  dates: DateSpan | undefined
  onClear: () => void
}

/** The days a period of the over-time chart keeps the list to, removable like a tag chip. */
export function DateFilter({ dates, onClear }: Props) {
  if (!dates) return null
  const label = spanLabel(dates)
  return (
    <div className="field date-filter" role="group" aria-label="Dates">
      <span aria-hidden="true">Dates</span>
      <span className="chip">
        {label}
        <button
          type="button"
          className="chip-remove"
          aria-label={`Remove the date filter ${label}`}
          title="Show every date again"
          onClick={() => {
            onClear()
            // The chip goes away with its button; the list it widened takes the keyboard.
            focusReviewList()
          }}
        >
          ✕
        </button>
      </span>
    </div>
  )
}
