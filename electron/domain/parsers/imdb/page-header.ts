import type {
  FormatId,
  ImportWarning,
  ParseResult,
  ParsedReview,
  UnparsedFragment,
  WorkRef,
} from '../../../../shared/domain'
import {
  declaredCountOf,
  isHeaderChrome,
  pageOwnerOf,
  reviewOfHeading,
  workOf,
  yearLineOf,
} from './lines'

/** What the page says about itself, collected from header lines wherever they appear. */
export class PageHeader {
  work: WorkRef | null = null
  /** The work of the page being read when several pages were pasted one after another. */
  current: WorkRef | null = null
  declaredCount: number | null = null
  owner: string | null = null
  seen = false
  /** The previous line was a "User reviews" heading: a bare count under it is the declared one. */
  private countNext = false

  /** Consumes a header line; `requirePoster` guards against body text with a year. */
  read(line: string, requirePoster: boolean): boolean {
    const consumed = this.readLine(line, requirePoster)
    if (consumed) this.seen = true
    return consumed
  }

  /** The parse result for this page: incomplete when it declares more reviews than were read. */
  result(
    format: FormatId,
    reviews: ParsedReview[],
    warnings: ImportWarning[],
    fragments: UnparsedFragment[],
  ): ParseResult {
    return {
      format,
      work: this.work,
      declaredCount: this.declaredCount,
      incomplete: (this.declaredCount ?? 0) > reviews.length,
      reviews,
      warnings: warnings.sort((a, b) => a.line - b.line),
      fragments,
    }
  }

  /** Mobile and newer pages: the title alone on the first line, the year line under it. */
  readTitleAboveYear(lines: readonly string[], i: number): boolean {
    const line = lines[i] ?? ''
    const next = lines.slice(i + 1, i + 4).find((l) => l !== '')
    if (line.length > 100 || next === undefined || yearLineOf(next) === null) return false
    this.setWork({ title: line, year: null })
    this.seen = true
    return true
  }

  private readLine(line: string, requirePoster: boolean): boolean {
    const countNext = this.countNext
    this.countNext = /^User reviews$/i.test(line)
    if (countNext && /^\d{1,3}(?:[,.]\d{3})*$|^\d+$/.test(line)) {
      this.declaredCount = Math.max(this.declaredCount ?? 0, Number(line.replace(/[,.]/g, '')))
      return true
    }
    const work = workOf(line, requirePoster) ?? reviewOfHeading(line)
    if (work !== null) {
      this.setWork(work)
      return true
    }
    const year = yearLineOf(line)
    if (year !== null) {
      if (this.current !== null && this.current.year === null) this.current.year = year
      return true
    }
    const declared = declaredCountOf(line)
    if (declared !== null) {
      // Pages pasted one after another repeat the count; the largest is the page's.
      this.declaredCount = Math.max(this.declaredCount ?? 0, declared)
      return true
    }
    const owner = pageOwnerOf(line)
    if (owner !== null && this.owner === null) {
      this.owner = owner
      return true
    }
    return isHeaderChrome(line)
  }

  setWork(work: WorkRef): void {
    if (this.work === null) {
      this.work = work
      this.current = work
    } else if (!sameWork(this.current, work)) {
      this.current = work
    } else if (this.current !== null && this.current.year === null) {
      this.current.year = work.year
    }
  }
}

export function sameWork(a: WorkRef | null | undefined, b: WorkRef | null | undefined): boolean {
  if (a == null || b == null) return a == b
  return a.title === b.title && (a.year === b.year || a.year === null || b.year === null)
}
