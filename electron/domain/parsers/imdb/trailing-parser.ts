import type { ImportWarning, ParsedReview, UnparsedFragment } from '../../../../shared/domain'
import {
  joinBody,
  previewOf,
  PROGRESS_EVERY,
  splitLinesSteps,
  type ParseSteps,
} from '../parse-util'
import {
  canBeHeadline,
  reviewWorkOf,
  helpfulOf,
  isFooterLine,
  isReviewChrome,
  isSpoilerLine,
  ratingOf,
} from './lines'
import { PageHeader } from './page-header'
import { matchFooter, type ReviewFooter } from './review-footer'
import type { ImdbLayout } from './review-parser'
import { reviewWarnings } from './review-warnings'

/**
 * Parses the newer IMDb layout, where each review is rating, headline and body, closed by its
 * votes and byline. Anchored on that closing cluster (votes and byline together), so a review is
 * everything between two clusters; text after the last one is a review cut off by the copy.
 */
export function* parseTrailingSteps(text: string, layout: ImdbLayout): ParseSteps {
  const raw = yield* splitLinesSteps(text)
  const parser = new TrailingParser(raw, layout)
  yield { done: 0, total: raw.length }
  for (let i = 0; i < raw.length; i = parser.step(i)) {
    if (i > 0 && i % PROGRESS_EVERY === 0) yield { done: i, total: raw.length }
  }
  return parser.finish()
}

class TrailingParser {
  private readonly lines: string[]
  private readonly header = new PageHeader()
  private readonly reviews: ParsedReview[] = []
  private readonly warnings: ImportWarning[] = []
  private readonly fragments: UnparsedFragment[] = []
  private readonly lastVotes: number
  private block: number[] = []
  private sawContent = false
  private inFooter = false

  constructor(
    private readonly raw: string[],
    private readonly layout: ImdbLayout,
  ) {
    this.lines = raw.map((line) => line.trim())
    this.lastVotes = this.lines.findLastIndex((l) => helpfulOf(l) !== null || l === 'Helpful')
  }

  step(i: number): number {
    const line = this.lines[i] ?? ''
    if (line === '') {
      if (this.block.length > 0) this.block.push(i)
      return i + 1
    }
    if (this.block.length === 0 && this.readBetween(line, i)) return i + 1
    if (i > this.lastVotes && isFooterLine(line)) {
      this.closeBlock(null)
      this.inFooter = true
      return i + 1
    }
    const footer = matchFooter(this.lines, i)
    if (footer !== null) {
      this.closeBlock(footer)
      return footer.last + 1
    }
    this.block.push(i)
    return i + 1
  }

  /** Header, chrome and footer lines between reviews; true when the line was one of them. */
  private readBetween(line: string, i: number): boolean {
    const first = !this.sawContent
    this.sawContent = true
    if (this.header.read(line, !first)) return true
    if (first && this.header.readTitleAboveYear(this.lines, i)) return true
    if (this.inFooter) return true
    return isReviewChrome(line)
  }

  finish() {
    this.closeBlock(null)
    return this.header.result(this.layout.format, this.reviews, this.warnings, this.fragments)
  }

  /** Turns the lines since the last review into one, closed by `footer` or by the copy's end. */
  private closeBlock(footer: ReviewFooter | null): void {
    const block = this.block.filter((k) => (this.lines[k] ?? '') !== '')
    this.block = []
    const first = block[0]
    const last = block.at(-1)
    if (first === undefined || last === undefined) return
    let k = 0
    let spoiler = false
    const skipMarks = (): void => {
      while (k < block.length && isSpoilerLine(this.lines[block[k] ?? -1] ?? '')) {
        spoiler = true
        k++
      }
    }
    skipMarks()
    // Per-user pages open each review with the work it is about.
    const work = block.length > 2 ? reviewWorkOf(this.lines[block[k] ?? -1] ?? '') : null
    if (work !== null) k++
    skipMarks()
    const rating = ratingOf(this.lines[block[k] ?? -1] ?? '')
    if (rating !== null) k++
    skipMarks()
    const cutAtStart = this.reviews.length === 0 && !this.header.seen && rating === null
    const headline = this.lines[block[k] ?? -1] ?? ''
    const hasTitle = !cutAtStart && canBeHeadline(headline) && k < block.length - 1
    if (hasTitle) k++
    skipMarks()
    const bodyFrom = block[k]
    // Without its closing votes and byline, a block is only a review cut off by the copy when
    // the page around it has the layout (earlier reviews, or a rating opening it).
    const cutOff = rating !== null || this.reviews.length > 0
    if (footer === null && (bodyFrom === undefined || !hasTitle || !cutOff)) {
      this.addFragment(first, last)
      return
    }
    const bodyLines = bodyFrom === undefined ? [] : range(bodyFrom, last)
    const byline = footer?.byline
    const review: ParsedReview = {
      rating,
      title: hasTitle ? headline : '',
      author: byline?.author || (footer === null ? '' : (this.header.owner ?? '')),
      date: byline?.date ?? null,
      bylineRaw: byline?.raw ?? '',
      bylineAmbiguous: byline?.ambiguous ?? false,
      bylineAlternatives: byline?.alternatives ?? [],
      spoiler,
      helpful: footer?.helpful ?? null,
      body: joinBody(bodyLines.map((j) => (this.lines[j] === '' ? '' : (this.raw[j] ?? '')))),
      line: first + 1,
      truncated: footer === null || cutAtStart,
      ...(work === null ? {} : { work }),
    }
    this.reviews.push(review)
    this.warnings.push(...reviewWarnings(review, (byline?.last ?? first) + 1))
  }

  private addFragment(first: number, last: number): void {
    const text = joinBody(range(first, last).map((j) => this.raw[j] ?? ''))
    this.fragments.push({ line: first + 1, text })
    this.warnings.push({
      line: first + 1,
      code: 'unparsed-fragment',
      message: `Lines ${first + 1}-${last + 1} could not be read as a review (no rating, headline or byline): "${previewOf(text)}"`,
    })
  }
}

function range(first: number, last: number): number[] {
  return Array.from({ length: Math.max(0, last - first + 1) }, (_, k) => first + k)
}
