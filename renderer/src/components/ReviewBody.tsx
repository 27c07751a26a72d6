import { useState } from 'react'

interface Props {
  body: string
  spoiler: boolean
}

/** Paragraphs as IMDb separates them; spoilers stay blurred (and unread) until asked for. */
export function ReviewBody({ body, spoiler }: Props) {
  const [revealed, setRevealed] = useState(!spoiler)
  const paragraphs = body.split(/\n\s*\n/).filter((p) => p.trim() !== '')
  const hidden = spoiler && !revealed
  return (
    <div className="review-body-wrap">
      {hidden && (
        <div className="spoiler-cover">
          <p>This review contains spoilers.</p>
          <button type="button" className="primary" onClick={() => setRevealed(true)}>
            Reveal spoilers
          </button>
        </div>
      )}
      <div
        className={hidden ? 'review-body blurred' : 'review-body'}
        aria-hidden={hidden || undefined}
        data-blurred={hidden || undefined}
      >
        {paragraphs.map((p, i) => (
          <p key={i}>{p}</p>
        ))}
      </div>
    </div>
  )
}
