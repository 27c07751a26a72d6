import type { FormatId } from '../../../shared/domain'
import { splitByline } from './byline'
import { looksLikeGenericReviews } from './generic/meta-lines'
import { matchByline } from './imdb/byline-match'
import {
  declaredCountOf,
  helpfulOf,
  pageOwnerOf,
  ratingOf,
  reviewOfHeading,
  reviewWorkOf,
  usefulBeforeOf,
} from './imdb/lines'
import { matchFooter } from './imdb/review-footer'
import { matchStart } from './imdb/review-start'
import { PROGRESS_EVERY, runSteps, type ParseProgress } from './parse-util'
import { detectTabular } from './tabular/detect-tabular'

/** Lines looked at: layouts show themselves in the first pages of a dump. */
const SAMPLE_LINES = 20000

/**
 * Names the layout of a decoded dump, or null when none is recognised. Structured formats first
 * (HTML, JSON, CSV: unmistakable from their first characters or header), then the IMDb layouts by
 * the markers each cannot lack, then the best-effort generic parser.
 */
export function detectFormat(text: string, fileName = ''): FormatId | null {
  return runSteps(detectFormatSteps(text, fileName))
}

/** The same detection in steps of a few thousand lines (it reads up to 20,000 of them). */
export function* detectFormatSteps(
  text: string,
  fileName = '',
): Generator<ParseProgress, FormatId | null, void> {
  const head = text.slice(0, 4096).trimStart()
  if (isHtml(head, fileName)) return 'imdb-html'
  const tabular = detectTabular(text, fileName)
  if (tabular !== null) return tabular
  const lines = sampleLines(text)
  const imdb = yield* detectImdbSteps(lines, fileName)
  return imdb ?? (looksLikeGenericReviews(lines) ? 'generic-text' : null)
}

function isHtml(head: string, fileName: string): boolean {
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<\?xml)/i.test(head)) return true
  return /\.x?html?$/i.test(fileName) && /<[a-z][^>]*>/i.test(head)
}

function sampleLines(text: string): string[] {
  const lines: string[] = []
  let start = 0
  while (start <= text.length && lines.length < SAMPLE_LINES) {
    const end = text.indexOf('\n', start)
    const stop = end === -1 ? text.length : end
    lines.push(text.slice(start, stop).trim())
    start = stop + 1
  }
  return lines
}

/** Counts the markers of each IMDb layout and picks the layout they point to. */
export function detectImdb(lines: readonly string[], fileName = ''): FormatId | null {
  return runSteps(detectImdbSteps(lines, fileName))
}

function* detectImdbSteps(
  lines: readonly string[],
  fileName: string,
): Generator<ParseProgress, FormatId | null, void> {
  let glued = 0
  let helpful = 0
  let useful = 0
  let authorLines = 0
  let mobile = 0
  let single = 0
  let owner = 0
  let starts = 0
  let markers = 0
  let pageHeader = 0
  let footers = 0
  let mobileHeader = 0
  let workStarts = 0
  for (let i = 0; i < lines.length; i++) {
    if (i > 0 && i % PROGRESS_EVERY === 0) yield { done: 0, total: 1 }
    const line = lines[i] ?? ''
    if (line === '') continue
    // Only a true glue ("Name12 March 2006") is IMDb's; "on 3 May 2019" is every site's.
    if (/\S\d{1,2} [A-Z][a-z]+ \d{4}$/.test(line) && splitByline(line) !== null) glued++
    if (helpfulOf(line) !== null) helpful++
    if (usefulBeforeOf(line) !== null || /^\*+\s*This review may contain spoilers/i.test(line))
      useful++
    if (/^Author:\s*\S/i.test(line)) authorLines++
    if (/^User Reviews?\s*\(\d[\d,.]*\)$|^Add a Review$|^•\s*Warning: Spoilers?$/i.test(line)) {
      mobile++
      mobileHeader++
    } else if (/^•?\s*\S.{0,40}\s*•\s*\S/.test(line) && matchByline([line], 0) !== null) mobile++
    if (/^Permalink$|^Was this review helpful\?|^\d[\d,.]* (?:User )?Reviews$/i.test(line))
      markers++
    if (declaredCountOf(line) !== null || / Poster$/.test(line)) pageHeader++
    if ((helpfulOf(line) !== null || line === 'Helpful') && matchFooter(lines, i) !== null)
      footers++
    if (reviewOfHeading(line) !== null) single++
    if (pageOwnerOf(line) !== null) owner++
    if (ratingOf(line) !== null || reviewWorkOf(line) !== null || canStart(lines, i)) {
      const start = matchStart(lines, i)
      if (start !== null) {
        starts++
        if (start.work !== null && start.byline.author === '') workStarts++
      }
    }
  }
  // Only pages with something IMDb prints: a review list from elsewhere goes to the generic parser.
  if (glued + helpful + useful + authorLines + mobile + single + owner + markers === 0) return null
  const found = starts + footers
  if (useful > 0 || authorLines > 0) return found > 0 || useful > 0 ? 'imdb-legacy-text' : null
  if (single > 0 || (/(?:^|[^a-z])rw\d{5,}/i.test(fileName) && found === 1)) {
    return found > 0 ? 'imdb-single-review-text' : null
  }
  if (owner > 0 || workStarts > 0) return found > 0 ? 'imdb-user-reviews-text' : null
  if (footers > 0 && footers >= starts)
    return mobileHeader > 0 ? 'imdb-title-reviews-mobile-text' : 'imdb-title-reviews-text'
  if (mobile > 0 && starts > 0) return 'imdb-title-reviews-mobile-text'
  if (glued > 0 && (helpful > 0 || starts > 0)) return 'imdb-title-reviews-text'
  if (starts > 0 && helpful > 0) return 'imdb-title-reviews-text'
  // A page header without a readable review: parsed so the refusal can say what the page declares.
  return pageHeader > 0 ? 'imdb-title-reviews-text' : null
}

/** A cheap pre-check before the full start match: the next lines hold a byline. */
function canStart(lines: readonly string[], i: number): boolean {
  for (let k = i + 1; k <= i + 3 && k < lines.length; k++) {
    if (matchByline(lines, k) !== null && (lines[k] ?? '').length < 80) return true
  }
  return false
}
