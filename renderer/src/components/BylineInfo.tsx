import type { BylineSplit, Review } from '../../../shared/domain'
import { formatDate } from '../format'

interface Props {
  review: Review
  correction: BylineSplit | null
  busy: boolean
  onCorrect: (split: BylineSplit | null) => void
}

const same = (a: BylineSplit, b: { author: string; date: string | null }) =>
  a.author === b.author && a.date === b.date

/**
 * For an ambiguous byline: a small disclosure in the reader's header line. Most sample reviews
 * have one, so it must not push the review text down; the readings open only when asked for.
 */
export function BylineInfo({ review, correction, busy, onCorrect }: Props) {
  if (!review.bylineAmbiguous && !correction) return null
  const shown = correction ?? { author: review.author, date: review.date }
  const others = review.bylineAlternatives.filter((alt) => !same(alt, shown))
  return (
    <details className="byline-choice">
      <summary title={`Byline as copied: ${review.bylineRaw}`}>
        {correction ? 'corrected' : 'ambiguous'}
        <span className="visually-hidden"> byline: other readings</span>
      </summary>
      <div className="byline-popover">
        <p>
          Byline as copied: <code>{review.bylineRaw}</code>.{' '}
          {correction
            ? 'You corrected the split between name and date.'
            : 'The split between name and date is ambiguous.'}
        </p>
        <div className="byline-choices" role="group" aria-label="Other readings of the byline">
          {others.map((alt) => (
            <button
              key={`${alt.author}|${alt.date}`}
              type="button"
              disabled={busy}
              onClick={() =>
                onCorrect(same(alt, { author: review.author, date: review.date }) ? null : alt)
              }
            >
              Use {alt.author} · {formatDate(alt.date)}
            </button>
          ))}
          {correction && (
            <button type="button" className="quiet" disabled={busy} onClick={() => onCorrect(null)}>
              Restore the parsed byline
            </button>
          )}
        </div>
      </div>
    </details>
  )
}
