import { useEffect, useRef, useState } from 'react'
import type { ReviewDetail } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'
import { formatDate, workLabel } from '../format'
import { MyRatingPicker } from './MyRatingPicker'
import { NoteEditor } from './NoteEditor'
import { ReviewBody } from './ReviewBody'
import { TagEditor } from './TagEditor'

interface Props {
  detail: ReviewDetail | null
  knownTags: string[]
  onChanged: () => void
  onError: (message: string) => void
}

export function ReaderPane({ detail, knownTags, onChanged, onError }: Props) {
  const pane = useRef<HTMLElement>(null)
  const reviewId = detail?.review.id
  // A newly picked review starts at its headline, not where the previous one was scrolled to.
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0
  }, [reviewId])
  return (
    <section ref={pane} className="reader" aria-label="Review">
      {detail ? (
        <Reader
          key={detail.review.id}
          detail={detail}
          knownTags={knownTags}
          onChanged={onChanged}
          onError={onError}
        />
      ) : (
        <p className="reader-empty">Select a review in the list to read and curate it.</p>
      )}
    </section>
  )
}

function Reader({ detail, knownTags, onChanged, onError }: Props & { detail: ReviewDetail }) {
  const { review, work, curation } = detail
  const [busy, setBusy] = useState(false)

  // Every edit goes to main first; the pane and the list re-read from it afterwards.
  const change = (work: () => Promise<unknown>) => {
    setBusy(true)
    work()
      .then(onChanged)
      .catch((error: unknown) => onError(errorMessage(error)))
      .finally(() => setBusy(false))
  }
  const ids = [review.id]

  return (
    <article className="reader-content">
      <p className="work-title">{workLabel(work)}</p>
      <h2 className="review-headline">{review.title}</h2>
      <p className="byline">
        <span className="author">{review.author}</span>
        <time dateTime={review.date ?? undefined}>{formatDate(review.date)}</time>
        {review.spoiler && <span className="badge">Spoiler</span>}
      </p>
      {review.bylineAmbiguous && (
        <p className="note ambiguous-note">
          Byline as copied: <code>{review.bylineRaw}</code>. The split between name and date is
          ambiguous
          {review.bylineAlternatives.length > 1 &&
            `; other readings: ${review.bylineAlternatives
              .slice(1)
              .map((alt) => `${alt.author} · ${alt.date}`)
              .join('; ')}`}
          .
        </p>
      )}
      <div className="ratings">
        <p className="original-rating">
          <span className="label">Rating</span>
          <span className="score-value">
            {review.rating === null ? '—' : `${review.rating}/10`}
          </span>
        </p>
        <MyRatingPicker
          value={curation.myRating}
          disabled={busy}
          onChange={(rating) => change(() => invoke('curation:rate', { ids, rating }))}
        />
      </div>
      {review.helpful && (
        <p className="helpful-votes">
          {review.helpful.yes} of {review.helpful.total} found this helpful
        </p>
      )}
      {review.truncated && (
        <p className="note">This review was cut off in the copy; the text may be incomplete.</p>
      )}
      <div className="curation">
        <TagEditor
          tags={curation.tags}
          known={knownTags}
          disabled={busy}
          onAdd={(tags) => change(() => invoke('curation:tag', { ids, tags }))}
          onRemove={(tag) => change(() => invoke('curation:untag', { ids, tags: [tag] }))}
        />
        <NoteEditor
          reviewId={review.id}
          initial={curation.note}
          onSaved={onChanged}
          onError={onError}
        />
      </div>
      <ReviewBody body={review.body} spoiler={review.spoiler} />
    </article>
  )
}
