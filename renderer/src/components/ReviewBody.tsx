import { forwardRef, useRef, useState } from 'react'
import type { Highlight } from '../../../shared/domain'
import type { MarkRange } from '../search-marks'
import { paragraphsOf, spansOf } from '../text-offsets'

interface Props {
  body: string
  spoiler: boolean
  highlights: Highlight[]
  /** Where the search's words occur, marked like the list marks them. */
  matches?: MarkRange[]
  /** The user selected text in the body (mouse or keyboard). */
  onSelect?: () => void
}

/** Paragraphs as IMDb separates them, highlights marked; spoilers stay blurred until asked for. */
export const ReviewBody = forwardRef<HTMLDivElement, Props>(function ReviewBody(
  { body, spoiler, highlights, matches = [], onSelect },
  ref,
) {
  const [revealed, setRevealed] = useState(!spoiler)
  const wrap = useRef<HTMLDivElement>(null)
  const hidden = spoiler && !revealed
  const ranges = [
    ...highlights.filter((h) => h.start >= 0),
    ...matches.map((m, i) => ({ ...m, id: `match-${i}` })),
  ]
  return (
    // Focusable and named: Enter on the list puts the keyboard here, next to the curation
    // fields, and Reveal, which goes away when pressed, hands the keyboard to it. The name leaves
    // out "Review", which names the reader region around it.
    <div ref={wrap} className="review-body-wrap" tabIndex={-1} role="region" aria-label="Full text">
      {hidden && (
        <div className="spoiler-cover">
          <p>This review contains spoilers.</p>
          <button
            type="button"
            className="primary"
            onClick={() => {
              setRevealed(true)
              // Focus rule 2: the button goes away; the text it revealed takes the keyboard.
              wrap.current?.focus()
            }}
          >
            Reveal spoilers
          </button>
        </div>
      )}
      <div
        ref={ref}
        className={hidden ? 'review-body blurred' : 'review-body'}
        aria-hidden={hidden || undefined}
        data-blurred={hidden || undefined}
        onMouseUp={onSelect}
        onKeyUp={onSelect}
      >
        {paragraphsOf(body).map((p) => (
          <p key={p.start} data-offset={p.start}>
            {spansOf(p, ranges).map((span) => {
              const text = body.slice(span.start, span.end)
              const highlighted = span.marks.filter((id) => !id.startsWith('match-'))
              const matched = highlighted.length < span.marks.length
              const classes = [highlighted.length ? 'highlight' : '', matched ? 'match' : '']
              return span.marks.length > 0 ? (
                <mark
                  key={span.start}
                  className={classes.join(' ').trim()}
                  data-highlight={highlighted.join(' ') || undefined}
                >
                  {text}
                </mark>
              ) : (
                text
              )
            })}
          </p>
        ))}
      </div>
    </div>
  )
})
