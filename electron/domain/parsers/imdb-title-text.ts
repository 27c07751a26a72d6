import type {
  Helpful,
  ImportWarning,
  ParsedReview,
  ParseResult,
  UnparsedFragment,
  WorkRef,
} from '../../../shared/domain'
import { splitByline, type Byline } from './byline'
import {
  canBeHeadline,
  declaredCountOf,
  helpfulOf,
  isFooterLine,
  isHeaderChrome,
  isReviewChrome,
  isSpoilerLine,
  ratingOf,
  workOf,
  yearLineOf,
} from './imdb-title-lines'

/** The anchor of a review: optional rating, headline, byline (and a spoiler mark among them). */
interface ReviewStart {
  line: number
  rating: number | null
  title: string
  bylineRaw: string
  bylineLine: number
  byline: Byline
  spoiler: boolean
  /** Index of the first line after the byline. */
  next: number
}

/**
 * Parses the text of an IMDb title's user-reviews page as a browser copies it. A state machine
 * anchored on the review start (rating? + headline + byline): between reviews it looks for a
 * start, inside a review it only looks for the helpful line that ends it, so body text that
 * resembles a byline or a rating never starts a review.
 */
export function parseImdbTitleText(text: string): ParseResult {
  return new TitleTextParser(text.split(/\r\n?|\n/)).parse()
}

class TitleTextParser {
  /** Trimmed lines for classification; `rawText` keeps them as typed for bodies. */
  private readonly lines: string[]
  private readonly rawText: string[]
  private readonly lastHelpful: number
  private readonly reviews: ParsedReview[] = []
  private readonly warnings: ImportWarning[] = []
  private readonly fragments: UnparsedFragment[] = []
  private pending: number[] = []
  private work: WorkRef | null = null
  private declaredCount: number | null = null
  private sawContent = false
  private inFooter = false

  constructor(rawLines: string[]) {
    this.rawText = rawLines
    this.lines = rawLines.map((line) => line.trim())
    this.lastHelpful = this.lines.findLastIndex((line) => helpfulOf(line) !== null)
  }

  parse(): ParseResult {
    let i = 0
    while (i < this.lines.length) i = this.step(i)
    this.flushPending()
    const found = this.reviews.length
    return {
      format: 'imdb-title-reviews-text',
      work: this.work,
      declaredCount: this.declaredCount,
      incomplete: this.declaredCount !== null && found < this.declaredCount,
      reviews: this.reviews,
      warnings: this.warnings,
      fragments: this.fragments,
    }
  }

  /** One step between reviews; returns the index to continue from. */
  private step(i: number): number {
    const line = this.lines[i] ?? ''
    if (line === '') return i + 1
    const firstContent = !this.sawContent
    this.sawContent = true
    // Toolbar lines come right before the first review: "Sort by:" must not pass for a headline.
    const inHeader = this.reviews.length === 0
    if (inHeader && this.readHeaderLine(line, true)) return i + 1
    const start = this.matchStart(i)
    if (start !== null) {
      this.flushPending()
      this.inFooter = false
      return this.readReview(start)
    }
    // A title without "Poster" is only trusted as the page's first line and when no review
    // starts there.
    if (inHeader && firstContent && this.readHeaderLine(line, false)) return i + 1
    if (isFooterLine(line)) {
      this.flushPending()
      this.inFooter = true
    }
    if (this.inFooter || (isReviewChrome(line) && this.pending.length === 0)) return i + 1
    this.pending.push(i)
    // A helpful line closes whatever review the unreadable block was: keep blocks apart.
    if (helpfulOf(line) !== null) this.flushPending()
    return i + 1
  }

  private readHeaderLine(line: string, requirePoster: boolean): boolean {
    if (this.work === null) {
      this.work = workOf(line, requirePoster)
      if (this.work !== null) return true
    }
    const year = yearLineOf(line)
    if (year !== null) {
      if (this.work !== null && this.work.year === null) this.work.year = year
      return true
    }
    const declared = declaredCountOf(line)
    if (declared !== null && this.declaredCount === null) {
      this.declaredCount = declared
      return true
    }
    return isHeaderChrome(line)
  }

  private matchStart(i: number): ReviewStart | null {
    const first = this.skipSoft(i)
    const rating = ratingOf(this.lines[first.index] ?? '')
    if (rating !== null) {
      const rated = this.matchHeadline(first.index + 1, rating, first.spoiler)
      if (rated !== null) return { ...rated, line: first.index + 1 }
    }
    const unrated = this.matchHeadline(first.index, null, first.spoiler)
    return unrated === null ? null : { ...unrated, line: first.index + 1 }
  }

  private matchHeadline(i: number, rating: number | null, spoiler: boolean): ReviewStart | null {
    const head = this.skipSoft(i)
    const title = this.lines[head.index] ?? ''
    if (!canBeHeadline(title)) return null
    const by = this.skipSoft(head.index + 1)
    const bylineRaw = this.lines[by.index] ?? ''
    const byline = splitByline(bylineRaw)
    if (byline === null) return null
    return {
      line: head.index + 1,
      rating,
      title,
      bylineRaw,
      bylineLine: by.index + 1,
      byline,
      spoiler: spoiler || head.spoiler || by.spoiler,
      next: by.index + 1,
    }
  }

  /** Skips blank lines and the spoiler mark, which copies put in varying places. */
  private skipSoft(i: number): { index: number; spoiler: boolean } {
    let index = i
    let spoiler = false
    for (; index < this.lines.length; index++) {
      const line = this.lines[index] ?? ''
      if (isSpoilerLine(line)) spoiler = true
      else if (line !== '') break
    }
    return { index, spoiler }
  }

  /** Reads body lines up to the helpful line; returns the index after the review. */
  private readReview(start: ReviewStart): number {
    const afterByline = this.skipSoft(start.next)
    const body: string[] = []
    let i = afterByline.index
    let helpful: Helpful | null = null
    for (; i < this.lines.length; i++) {
      const line = this.lines[i] ?? ''
      helpful = helpfulOf(line)
      if (helpful !== null) break
      // Only past the last helpful line: "See also" in a body followed by more reviews is text.
      if (i > this.lastHelpful && isFooterLine(line)) {
        this.inFooter = true
        break
      }
      this.warnIfMerged(i)
      body.push(this.rawLine(i))
    }
    this.addReview(start, afterByline.spoiler, helpful, body)
    return helpful === null ? i : i + 1
  }

  /** A rated review start inside a body means a helpful line went missing; say so. */
  private warnIfMerged(i: number): void {
    const line = this.lines[i] ?? ''
    if (ratingOf(line) === null) return
    const start = this.matchHeadline(i + 1, null, false)
    if (start === null) return
    this.warnings.push({
      line: i + 1,
      code: 'possible-merged-review',
      message: `Line ${i + 1} looks like the start of another review ("${start.title}" by ${start.byline.author}), but the review above has no helpful line yet, so it was read as body text`,
    })
  }

  private addReview(
    start: ReviewStart,
    spoilerAfterByline: boolean,
    helpful: Helpful | null,
    bodyLines: string[],
  ): void {
    const { byline } = start
    const review: ParsedReview = {
      rating: start.rating,
      title: start.title,
      author: byline.author,
      date: byline.date,
      bylineRaw: start.bylineRaw,
      bylineAmbiguous: byline.ambiguous,
      bylineAlternatives: byline.alternatives,
      spoiler: start.spoiler || spoilerAfterByline,
      helpful,
      body: joinBody(bodyLines),
      line: start.line,
      truncated: helpful === null,
    }
    this.reviews.push(review)
    this.warnAbout(review, start.bylineLine)
  }

  private warnAbout(review: ParsedReview, bylineLine: number): void {
    const which = `"${review.title}" by ${review.author}`
    if (review.rating === null) {
      this.warn(
        review.line,
        'missing-rating',
        `Review ${which} has no rating line; rating left empty`,
      )
    }
    if (review.bylineAmbiguous) {
      const readings = review.bylineAlternatives
        .map((alt, k) => `${alt.author} on ${alt.date}${k === 0 ? ' (chosen)' : ''}`)
        .join(', ')
      this.warn(
        bylineLine,
        'ambiguous-byline',
        `Byline "${review.bylineRaw}" can be read as: ${readings}`,
      )
    }
    if (review.truncated) {
      this.warn(
        review.line,
        'truncated-review',
        `Review ${which} ends without its "found this helpful" line: the copy seems cut off here`,
      )
    }
  }

  private flushPending(): void {
    const first = this.pending[0]
    const last = this.pending.at(-1)
    this.pending = []
    if (first === undefined || last === undefined) return
    const text = joinBody(this.lines.slice(first, last + 1).map((_, k) => this.rawLine(first + k)))
    this.fragments.push({ line: first + 1, text })
    const preview = text.length > 60 ? `${text.slice(0, 57)}...` : text
    this.warn(
      first + 1,
      'unparsed-fragment',
      `Lines ${first + 1}-${last + 1} could not be read as a review (no headline followed by a byline): "${preview.replace(/\n/g, ' ')}"`,
    )
  }

  private warn(line: number, code: string, message: string): void {
    this.warnings.push({ line, code, message })
  }

  /** Body text is kept as typed; only whitespace-only lines count as blank. */
  private rawLine(i: number): string {
    return this.lines[i] === '' ? '' : (this.rawText[i] ?? '')
  }
}

/** Paragraphs joined by exactly one blank line, no blank lines at either end. */
function joinBody(lines: string[]): string {
  const out: string[] = []
  for (const line of lines) {
    if (line !== '' || (out.length > 0 && out.at(-1) !== '')) out.push(line)
  }
  while (out.at(-1) === '') out.pop()
  return out.join('\n')
}
