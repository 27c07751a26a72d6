import { shownByline } from '../../../shared/shown-byline'
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react'
import type { ReviewDetail } from '../../../shared/contract'
import { focusIsLost, SHORTCUT_SCOPE } from '../focus'
import { formatDate, workLabel } from '../format'
import { useBusyRunner } from '../hooks/useBusyRunner'
import { useCuration } from '../hooks/useCuration'
import { useFocusKeeper } from '../hooks/useFocusKeeper'
import { matchRanges } from '../search-marks'
import { selectionOffsets } from '../text-offsets'
import { Marked } from './Marked'
import { BylineInfo } from './BylineInfo'
import { HighlightForm, type HighlightDraft } from './HighlightForm'
import { HighlightList } from './HighlightList'
import { MyRatingPicker } from './MyRatingPicker'
import { NoteEditor } from './NoteEditor'
import { NotePreview } from './NotePreview'
import { ReviewBody } from './ReviewBody'
import { TagEditor } from './TagEditor'

interface Props {
  detail: ReviewDetail | null
  /**
   * A review is chosen but its detail has not come yet (just after opening a large library, the
   * text is still being read): say so rather than ask the user to pick one.
   */
  waiting?: boolean
  knownTags: string[]
  tagColors?: ReadonlyMap<string, string>
  /** Bumped by the `h` shortcut: open the highlight form for the current selection. */
  highlightRequest: number
  /** Folded search terms to mark in the text. */
  terms: string[]
  onError: (message: string) => void
  /** Opens the Add to collection dialog for this review. */
  onAddToCollection?: () => void
}

// Memoised: the workspace re-renders for every filter, sort and busy flag, and the review's text
// with its marks is the costliest part of it to render again unchanged.
export const ReaderPane = memo(function ReaderPane(props: Props) {
  const { detail, knownTags, tagColors, highlightRequest, terms, onError } = props
  const pane = useRef<HTMLElement>(null)
  const reviewId = detail?.review.id
  // A newly picked review starts at its headline, not where the previous one was scrolled to.
  useEffect(() => {
    if (pane.current) pane.current.scrollTop = 0
  }, [reviewId])
  // Focus rule 2: R, J or K pressed in the reader replace the review that had the keyboard; it
  // goes to the next review's text (the pane itself while that loads), never to <body>.
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    const element = pane.current
    if (!element || (!focusIsLost() && document.activeElement !== element)) {
      refocus.current = false
      return
    }
    const text = element.querySelector<HTMLElement>('.review-body-wrap')
    ;(text ?? element).focus()
    if (text) refocus.current = false
  }, [reviewId])
  return (
    // Focusable (Enter on the list moves here) and a shortcut scope (focus rule 5).
    <section
      ref={pane}
      className="reader"
      aria-label="Review"
      tabIndex={-1}
      {...{ [SHORTCUT_SCOPE]: '' }}
    >
      {detail ? (
        <Reader
          key={detail.review.id}
          detail={detail}
          knownTags={knownTags}
          tagColors={tagColors}
          highlightRequest={highlightRequest}
          terms={terms}
          onError={onError}
          onAddToCollection={props.onAddToCollection}
          onFocusGone={() => (refocus.current = true)}
        />
      ) : props.waiting ? (
        <p className="reader-empty" role="status">
          Loading review text…
        </p>
      ) : (
        <p className="reader-empty">Select a review in the list to read and curate it.</p>
      )}
    </section>
  )
})

/** `onFocusGone`: the reader is going away (another review) while the keyboard is in it. */
function Reader(props: Props & { detail: ReviewDetail; onFocusGone: () => void }) {
  const { detail, knownTags, tagColors, highlightRequest, terms, onError } = props
  const { review, work, curation } = detail
  const { busy, run: change } = useBusyRunner(onError)
  const curate = useCuration()
  const [noteDraft, setNoteDraft] = useState(curation.note ?? '')
  const [highlighting, setHighlighting] = useState<{ quote: string; start: number } | null>(null)
  const body = useRef<HTMLDivElement>(null)
  const article = useRef<HTMLElement>(null)
  const highlightButton = useRef<HTMLButtonElement>(null)
  useFocusKeeper(busy, article, () => article.current?.closest<HTMLElement>('.reader') ?? null)
  // A layout effect's cleanup runs before React removes the elements, so the focus is still on
  // one of them when it is inside.
  const focusGone = useRef(props.onFocusGone)
  useEffect(() => {
    focusGone.current = props.onFocusGone
  })
  useLayoutEffect(() => {
    const element = article.current
    return () => {
      if (element?.contains(document.activeElement)) focusGone.current()
    }
  }, [])
  // Focus rule 2: when the highlight form closes (saved or cancelled), the keyboard goes back to
  // the button that opens it again (once it is enabled again), not to <body>.
  const formWasOpen = useRef(false)
  useEffect(() => {
    if (highlighting) formWasOpen.current = true
    else if (formWasOpen.current && !busy) {
      formWasOpen.current = false
      highlightButton.current?.focus()
    }
  }, [highlighting, busy])
  const shown = shownByline(review, curation)

  // Every edit goes to main first; its library:changed brings the new curation back here.
  const ids = [review.id]

  const startHighlight = () => {
    const at = body.current ? selectionOffsets(body.current) : null
    setHighlighting(
      at
        ? { quote: review.body.slice(at.start, at.end), start: at.start }
        : { quote: '', start: 0 },
    )
  }
  const lastRequest = useRef(highlightRequest)
  useEffect(() => {
    if (highlightRequest === lastRequest.current) return
    lastRequest.current = highlightRequest
    startHighlight()
    // Only a new request opens the form; startHighlight reads the selection at that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [highlightRequest])

  const saveHighlight = (draft: HighlightDraft) => {
    const quote = draft.quote
    // The selection's offsets when the passage is unchanged; otherwise main finds it by its words.
    const found = review.body.indexOf(quote, highlighting?.start ?? 0)
    const start = found >= 0 ? found : Math.max(0, review.body.indexOf(quote))
    change(async () => {
      await curate.addHighlight({
        id: review.id,
        start,
        end: start + quote.length,
        quote,
        tag: draft.tag.trim() || null,
        comment: draft.comment.trim() || null,
      })
      setHighlighting(null)
    })
  }

  return (
    <article ref={article} className="reader-content">
      {/* The text comes first: the header is three short lines, curation follows the text. */}
      <header className="reader-header">
        <p className="work-title">{workLabel(work)}</p>
        <div className="headline-row">
          <h2 className="review-headline">
            <Marked text={review.title} terms={terms} />
          </h2>
          <div className="reader-actions">
            <button
              type="button"
              className={curation.kept ? 'keep-button on' : 'keep-button'}
              aria-pressed={curation.kept}
              disabled={busy}
              title="Keep this review for the selection (S)"
              onClick={() => change(() => curate.keep({ ids, kept: !curation.kept }))}
            >
              <span aria-hidden="true">{curation.kept ? '★' : '☆'}</span> Keep
            </button>
            <button
              type="button"
              className={curation.reviewed ? 'keep-button on' : 'keep-button'}
              aria-pressed={curation.reviewed}
              disabled={busy}
              title="Mark this review as read through (R marks it and goes to the next)"
              onClick={() => change(() => curate.reviewed({ ids, reviewed: !curation.reviewed }))}
            >
              <span aria-hidden="true">{curation.reviewed ? '✓' : '○'}</span> Reviewed
            </button>
            {props.onAddToCollection && (
              <button
                type="button"
                className="quiet"
                title="Add this review to a collection (C)"
                onClick={props.onAddToCollection}
              >
                Add to collection…
              </button>
            )}
          </div>
        </div>
        <p className="byline">
          <span className="author">{shown.author}</span>
          <time dateTime={shown.date ?? undefined}>{formatDate(shown.date)}</time>
          <BylineInfo
            review={review}
            correction={curation.bylineCorrection}
            busy={busy}
            onCorrect={(correction) => change(() => curate.byline({ id: review.id, correction }))}
          />
          <span className="meta-item original-rating">
            Rating{' '}
            <strong className="score-value">
              {review.rating === null ? '—' : `${review.rating}/10`}
            </strong>
          </span>
          {curation.myRating !== null && (
            <span className="meta-item">
              Mine <strong>{curation.myRating}/10</strong>
            </span>
          )}
          {review.helpful && (
            <span className="meta-item helpful-votes">
              {review.helpful.yes} of {review.helpful.total} found this helpful
            </span>
          )}
          {review.spoiler && <span className="badge">Spoiler</span>}
        </p>
        {review.truncated && (
          <p className="truncated-note">
            This review was cut off in the copy; the text may be incomplete.
          </p>
        )}
      </header>
      <ReviewBody
        ref={body}
        body={review.body}
        spoiler={review.spoiler}
        highlights={curation.highlights}
        matches={matchRanges(review.body, terms)}
      />
      <div className="curation">
        <MyRatingPicker
          value={curation.myRating}
          original={review.rating}
          disabled={busy}
          onChange={(rating) => change(() => curate.rate({ ids, rating }))}
        />
        <TagEditor
          tags={curation.tags}
          known={knownTags}
          colors={tagColors}
          disabled={busy}
          onAdd={(tags) => change(() => curate.tag({ ids, tags }))}
          onRemove={(tag) => change(() => curate.untag({ ids, tags: [tag] }))}
        />
        <NoteEditor
          reviewId={review.id}
          initial={curation.note}
          onDraft={setNoteDraft}
          onError={onError}
        />
        <NotePreview text={noteDraft} />
      </div>
      <section className="highlights" aria-labelledby={`hl-${review.id}`}>
        <div className="label-row">
          <h3 id={`hl-${review.id}`} className="label">
            Highlights
          </h3>
          {!highlighting && (
            <button
              ref={highlightButton}
              type="button"
              disabled={busy}
              title="Select a passage of the review first, or type it (H)"
              onMouseDown={(event) => event.preventDefault()}
              onClick={startHighlight}
            >
              Highlight selection…
            </button>
          )}
        </div>
        {highlighting && (
          <HighlightForm
            initialQuote={highlighting.quote}
            busy={busy}
            onSave={saveHighlight}
            onCancel={() => setHighlighting(null)}
          />
        )}
        <HighlightList
          highlights={curation.highlights}
          busy={busy}
          onRemove={(h) =>
            change(() => curate.removeHighlight({ id: review.id, highlightId: h.id }))
          }
        />
      </section>
    </article>
  )
}
