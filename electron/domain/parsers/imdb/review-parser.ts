import type {
  FormatId,
  Helpful,
  ImportWarning,
  ParsedReview,
  ParseResult,
  UnparsedFragment,
} from '../../../../shared/domain'
import {
  joinBody,
  previewOf,
  splitLinesSteps,
  type ParseSteps,
  PROGRESS_EVERY,
} from '../parse-util'
import { matchByline } from './byline-match'
import { helpfulOf, isFooterLine, isReviewChrome, ratingOf } from './lines'
import { PageHeader } from './page-header'
import { matchStart, skipSoft, type ReviewStart } from './review-start'
import { reviewWarnings } from './review-warnings'

export interface ImdbLayout {
  format: FormatId
  /** Text before the first review is page chrome (saved HTML: menus, ads), not a fragment. */
  chromeBeforeFirst?: boolean
}

const JOINED = /^Joined\s+[A-Z][a-z]{2,8}\.?\s+\d{4}$/

/** A body line this long is review text, not a stray header line. */
const PROSE = 40

/**
 * Parses IMDb review pages copied as text, in every layout. A state machine anchored on the
 * review start (work? rating? headline, byline): between reviews it looks for a start; inside a
 * review it only looks for what ends it (the helpful line, or in layouts without one the next
 * start), so body text that resembles a byline or a rating never starts a review.
 */
export function* parseImdbSteps(text: string, layout: ImdbLayout): ParseSteps {
  const parser = new ImdbParser(yield* splitLinesSteps(text), layout)
  yield { done: 0, total: parser.lines.length }
  let i = 0
  let reported = 0
  while (i < parser.lines.length) {
    i = parser.step(i)
    if (i - reported >= PROGRESS_EVERY) {
      reported = i
      yield { done: i, total: parser.lines.length }
    }
  }
  return parser.finish()
}

class ImdbParser {
  readonly lines: string[]
  private readonly raw: string[]
  private readonly lastHelpful: number
  /** Layouts without helpful lines (older pages, some mobile copies) end a review at the next. */
  private readonly endsAtNextStart: boolean
  private readonly header = new PageHeader()
  private readonly reviews: ParsedReview[] = []
  private readonly warnings: ImportWarning[] = []
  private readonly fragments: UnparsedFragment[] = []
  private pending: number[] = []
  private sawContent = false
  private inFooter = false

  constructor(
    rawLines: string[],
    private readonly layout: ImdbLayout,
  ) {
    this.raw = rawLines
    this.lines = rawLines.map((line) => line.trim())
    this.lastHelpful = this.lines.findLastIndex((line) => helpfulOf(line) !== null)
    this.endsAtNextStart = this.lastHelpful === -1
  }

  finish(): ParseResult {
    this.flushPending()
    const owner = this.header.owner
    if (owner === null && this.reviews.some((r) => r.author === '' && !r.truncated)) {
      this.warn(1, 'missing-author', 'The page does not name the reviewer; author left empty')
    }
    return this.header.result(this.layout.format, this.reviews, this.warnings, this.fragments)
  }

  /** One step between reviews; returns the index to continue from. */
  step(i: number): number {
    const line = this.lines[i] ?? ''
    if (line === '') return i + 1
    const firstContent = !this.sawContent
    this.sawContent = true
    const inHeader = this.reviews.length === 0
    if ((inHeader || this.pending.length === 0) && this.header.read(line, true)) return i + 1
    if (inHeader && this.readOwnerAbove(line)) return i + 1
    const start = matchStart(this.lines, i)
    if (start !== null) {
      this.flushPending(true)
      this.inFooter = false
      return this.readReview(start)
    }
    // A title without "Poster" is only trusted as the page's first line.
    if (inHeader && firstContent && this.header.read(line, false)) return i + 1
    if (inHeader && firstContent && this.header.readTitleAboveYear(this.lines, i)) return i + 1
    if (isFooterLine(line)) {
      this.flushPending()
      this.inFooter = true
    }
    if (this.inFooter || (isReviewChrome(line) && this.pending.length === 0)) return i + 1
    this.pending.push(i)
    // A helpful line closes whatever review the unreadable block was: keep blocks apart.
    if (helpfulOf(line) !== null) this.flushPending(true)
    return i + 1
  }

  /** Per-user pages: the reviewer's name over "Joined Mar 2006" names the page's owner. */
  private readOwnerAbove(line: string): boolean {
    const name = this.lines[this.pending.at(-1) ?? -1] ?? ''
    if (!JOINED.test(line) || name === '' || name.length > 50 || this.header.owner !== null) {
      return false
    }
    this.header.owner = name
    this.pending.pop()
    return true
  }

  /** Reads body lines up to the end of the review; returns the index after it. */
  private readReview(start: ReviewStart): number {
    let afterByline = skipSoft(this.lines, start.next)
    // Older and mobile layouts may print the rating under the byline.
    const late = start.rating === null ? ratingOf(this.lines[afterByline.index] ?? '') : null
    if (late !== null) {
      start.rating = late
      const after = skipSoft(this.lines, afterByline.index + 1)
      afterByline = { ...after, spoiler: after.spoiler || afterByline.spoiler }
    }
    const body: number[] = []
    let i = afterByline.index
    let helpful: Helpful | null = null
    for (; i < this.lines.length; i++) {
      const line = this.lines[i] ?? ''
      helpful = this.endsAtNextStart ? null : helpfulOf(line)
      if (helpful !== null) break
      if ((this.endsAtNextStart || i > this.lastHelpful) && isFooterLine(line)) {
        this.inFooter = true
        break
      }
      if (this.endsAtNextStart && this.startsHere(i)) {
        break
      }
      if (this.endsAtNextStart && isReviewChrome(line)) {
        i++
        break
      }
      if (!this.endsAtNextStart) this.warnIfMerged(i)
      body.push(i)
    }
    const truncated = !this.endsAtNextStart && helpful === null
    const votes = helpful ?? start.usefulBefore
    this.addReview(start, afterByline.spoiler, votes, body, truncated)
    return helpful === null ? i : i + 1
  }

  /** In layouts without an end marker, a review start after a blank line ends the body. */
  private startsHere(i: number): boolean {
    const previous = this.lines[i - 1] ?? ''
    const line = this.lines[i] ?? ''
    if (previous !== '' && ratingOf(line) === null) return false
    return matchStart(this.lines, i) !== null
  }

  /** A rated review start inside a body means a helpful line went missing; say so. */
  private warnIfMerged(i: number): void {
    if (ratingOf(this.lines[i] ?? '') === null) return
    const start = matchStart(this.lines, i)
    if (start === null || start.rating === null) return
    this.warn(
      i + 1,
      'possible-merged-review',
      `Line ${i + 1} looks like the start of another review ("${start.title}" by ${start.byline.author}), but the review above has no helpful line yet, so it was read as body text`,
    )
  }

  private addReview(
    start: ReviewStart,
    spoilerAfterByline: boolean,
    helpful: Helpful | null,
    bodyLines: number[],
    truncated: boolean,
  ): void {
    const { byline } = start
    const author = byline.author === '' ? (this.header.owner ?? '') : byline.author
    const current = this.header.current
    const work = start.work ?? (current !== this.header.work ? current : null)
    const review: ParsedReview = {
      rating: start.rating,
      title: start.title,
      author,
      date: byline.date,
      bylineRaw: byline.raw,
      bylineAmbiguous: byline.ambiguous,
      bylineAlternatives: byline.alternatives.map((alt) => ({
        ...alt,
        author: alt.author || author,
      })),
      spoiler: start.spoiler || spoilerAfterByline,
      helpful,
      body: joinBody(bodyLines.map((i) => this.rawLine(i))),
      line: start.line,
      truncated,
      ...(work === null ? {} : { work }),
    }
    this.reviews.push(review)
    this.warnings.push(...reviewWarnings(review, byline.last + 1))
  }

  /**
   * Closes an unreadable block. Before the first review of a copy that starts mid-page, a block
   * of prose is the tail of a review whose start was cut off: it is kept as a truncated review.
   */
  private flushPending(beforeStart = false): void {
    const first = this.pending[0]
    const last = this.pending.at(-1)
    const block = this.pending
    this.pending = []
    if (first === undefined || last === undefined) return
    const lines = block.length === 0 ? [] : range(first, last).map((k) => this.rawLine(k))
    if (beforeStart && this.isCutOffTail(first, last)) {
      this.addTail(first, last)
      return
    }
    const text = joinBody(lines)
    if (this.reviews.length === 0 && this.layout.chromeBeforeFirst === true) return
    this.fragments.push({ line: first + 1, text })
    this.warn(
      first + 1,
      'unparsed-fragment',
      `Lines ${first + 1}-${last + 1} could not be read as a review (no headline followed by a byline): "${previewOf(text)}"`,
    )
  }

  private isCutOffTail(first: number, last: number): boolean {
    if (this.reviews.length > 0 || this.header.seen || this.layout.chromeBeforeFirst === true) {
      return false
    }
    if (!this.endsAtNextStart && helpfulOf(this.lines[last] ?? '') === null) return false
    return range(first, last).some((k) => (this.lines[k] ?? '').length >= PROSE)
  }

  private addTail(first: number, last: number): void {
    const helpful = helpfulOf(this.lines[last] ?? '')
    const byline = matchByline(this.lines, first)
    const bodyStart = byline === null ? first : byline.last + 1
    const bodyEnd = helpful === null ? last : last - 1
    const author = byline?.author ?? ''
    const date = byline?.date ?? null
    const review: ParsedReview = {
      rating: null,
      title: '',
      author,
      date,
      bylineRaw: byline?.raw ?? '',
      bylineAmbiguous: byline?.ambiguous ?? false,
      bylineAlternatives: byline?.alternatives ?? [],
      spoiler: false,
      helpful,
      body: joinBody(range(bodyStart, bodyEnd).map((k) => this.rawLine(k))),
      line: first + 1,
      truncated: true,
    }
    this.reviews.push(review)
    this.warn(
      first + 1,
      'truncated-review',
      `Lines ${first + 1}-${last + 1} are the end of a review whose start is not in the copy; kept as a truncated review without headline${byline === null ? ' or author' : ''}`,
    )
  }

  private warn(line: number, code: string, message: string): void {
    this.warnings.push({ line, code, message })
  }

  /** Body text is kept as typed; only whitespace-only lines count as blank. */
  private rawLine(i: number): string {
    return this.lines[i] === '' ? '' : (this.raw[i] ?? '')
  }
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k)
}
