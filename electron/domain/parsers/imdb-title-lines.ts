// Classifiers for single lines of a copied IMDb title-reviews page. Each takes a trimmed line;
// none of them looks at context, that is the state machine's job (imdb-title-text.ts).
import type { Helpful, WorkRef } from '../../../shared/domain'

/** A count as IMDb prints it in English: "54", "1,234"; "1.234" from some locales. */
const COUNT = String.raw`\d{1,3}(?:[,.]\d{3})+|\d+`

const RATING = /^(10|[1-9])\/10$/
const HELPFUL = new RegExp(`^(${COUNT}) out of (${COUNT}) found this helpful\\.`)
const DECLARED = new RegExp(`^(${COUNT}) Reviews?$`)
const SPOILER = /^Warning: Spoilers$/i
const VOTE = /^Was this review helpful\? Sign in to vote\.$/
const PERMALINK = /^Permalink$/

// "(2004)", "(TV Series 2004–2008)", "(2004– )": IMDb puts qualifiers before the year and a
// range after it for series.
const YEAR_GROUP = String.raw`\((?:[^()]*\s)?(\d{4})(?:\s*[–-]\s*(?:\d{4})?\s*)?\)`
const TITLE_WITH_YEAR = new RegExp(`^(.+?)\\s*${YEAR_GROUP}(\\s+Poster)?$`)
const TITLE_POSTER_ONLY = /^(.+?)\s+Poster$/
const YEAR_LINE = new RegExp(`^${YEAR_GROUP}$`)

/** Lines of the page's header and sort/filter toolbar, which carry no review data. */
const HEADER_CHROME = new Set([
  'User Reviews',
  'Review this title',
  'Sort by:',
  'Filter by Rating:',
  'Hide Spoilers',
  'Show All',
  'Helpfulness',
  'Review Date',
  'Total Votes',
  'Prolific Reviewer',
  'Review Rating',
])

/** Lines after the last review: the end of the page, not part of any review. */
const FOOTER = [
  /^An error has occu?rr?ed\. Please try again\.?$/,
  /^See also$/,
  /^Recently Viewed$/,
  /^Clear your history$/,
  /^Load More$/,
  /^Back to top$/,
  /^Get the IMDb App$/,
  /^Contribute to this page$/,
  // The link bar: "Awards | FAQ | User Ratings | External Reviews | Metacritic Reviews".
  /^[^|]+(?: \| [^|]+){2,}$/,
]

export function ratingOf(line: string): number | null {
  const match = RATING.exec(line)
  return match === null ? null : Number(match[1])
}

export function helpfulOf(line: string): Helpful | null {
  const match = HELPFUL.exec(line)
  if (match === null) return null
  return { yes: parseCount(match[1] ?? ''), total: parseCount(match[2] ?? '') }
}

export function declaredCountOf(line: string): number | null {
  const match = DECLARED.exec(line)
  return match === null ? null : parseCount(match[1] ?? '')
}

export function isSpoilerLine(line: string): boolean {
  return SPOILER.test(line)
}

/** The vote prompt and permalink that follow each helpful line. */
export function isReviewChrome(line: string): boolean {
  return VOTE.test(line) || PERMALINK.test(line)
}

export function isHeaderChrome(line: string): boolean {
  return HEADER_CHROME.has(line)
}

export function isFooterLine(line: string): boolean {
  return FOOTER.some((pattern) => pattern.test(line))
}

/** "Pusher II (2004) Poster" → work; `requirePoster` guards against body text with a year. */
export function workOf(line: string, requirePoster: boolean): WorkRef | null {
  const withYear = TITLE_WITH_YEAR.exec(line)
  if (withYear !== null && (!requirePoster || withYear[3] !== undefined)) {
    return { title: withYear[1] ?? '', year: Number(withYear[2]) }
  }
  const posterOnly = TITLE_POSTER_ONLY.exec(line)
  return posterOnly === null ? null : { title: posterOnly[1] ?? '', year: null }
}

/** The "(2004)" line under the title. */
export function yearLineOf(line: string): number | null {
  const match = YEAR_LINE.exec(line)
  return match === null ? null : Number(match[1])
}

/** Can this line be a review headline? Excludes every line with a fixed role in the layout. */
export function canBeHeadline(line: string): boolean {
  return (
    line !== '' &&
    helpfulOf(line) === null &&
    !isSpoilerLine(line) &&
    !isReviewChrome(line) &&
    !isFooterLine(line)
  )
}

function parseCount(text: string): number {
  return Number(text.replace(/[,.]/g, ''))
}
