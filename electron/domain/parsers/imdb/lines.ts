// Classifiers for single lines of a copied IMDb page (desktop, mobile, per-user, single-review and
// older layouts). Each takes a trimmed line; none looks at context, that is the parser's job.
import type { Helpful, WorkRef } from '../../../../shared/domain'

/** A count as IMDb prints it: "54", "1,234"; "1.234" from some locales. */
const COUNT = String.raw`\d{1,3}(?:[,.]\d{3})+|\d+`

/** Mobile pages and saved HTML put list bullets in front of ratings, spoiler marks, bylines. */
export function stripBullet(line: string): string {
  return line.replace(/^[•·]\s*/, '')
}

const RATING = /^(?:Rating:\s*)?[★⭐☆]?\s*(10|[1-9])\s*\/\s*10\s*[★⭐]?$/
const HELPFUL = [
  new RegExp(`^(${COUNT}) out of (${COUNT}) (?:people )?found this (?:review )?helpful`, 'i'),
  new RegExp(`^(${COUNT}) of (${COUNT}) (?:people )?found this (?:review )?helpful`, 'i'),
]
/** The newer layout: "Helpful • 54 • 8" (up and down votes). */
const HELPFUL_VOTES = new RegExp(`^Helpful\\s*[•·|]?\\s*(${COUNT})(?:\\s*[•·|]?\\s*(${COUNT}))?$`)
/** Older layouts print the votes before the review. */
const USEFUL_BEFORE = new RegExp(
  `^(${COUNT}) out of (${COUNT}) people found the following review useful:?$`,
  'i',
)
const DECLARED = [
  new RegExp(`^(${COUNT}) (?:User )?Reviews?$`, 'i'),
  new RegExp(`^User Reviews?\\s*\\((${COUNT})\\)$`, 'i'),
  new RegExp(`^Reviews\\s*\\((${COUNT})\\)$`, 'i'),
  new RegExp(`^(?:Index\\s+)?(${COUNT}) reviews in total$`, 'i'),
]
const SPOILER =
  /^(?:Warning:\s*Spoilers?|Spoiler(?:s| alert)?|Contains spoilers|\**\s*This review may contain spoilers\s*\**)$/i
const REVIEW_CHROME = [
  /^Was this review helpful\?(?: Sign in to vote\.?)?$/i,
  /^Was the above review useful to you\?$/i,
  /^Sign in to vote\.?$/i,
  /^Permalink$/i,
  /^Report(?: this)?$/i,
  /^(?:Share|Helpful|Not helpful|Edit|Delete|Reply)$/i,
]

/** Lines of page headers and sort/filter toolbars, which carry no review data. */
const HEADER_CHROME = [
  /^User Reviews$/i,
  /^Reviews$/i,
  /^Featured reviews$/i,
  /^Review this title$/i,
  /^Add a review$/i,
  /^Sort by:?(?: .*)?$/i,
  /^Filter by(?: Rating)?:?(?: .*)?$/i,
  /^(?:Hide|Show) spoilers$/i,
  /^Show All$/i,
  /^(?:Helpfulness|Review Date|Total Votes|Prolific Reviewer|Review Rating|Date|Rating)$/i,
  /^(?:Menu|Sign In|Sign in|Watchlist|Back|Use app|Open in app|IMDb|IMDbPro|All)$/,
  /^Page \d+ of \d+:?.*$/,
  /^Hide Spoilers$/,
  /^\+? ?Review$/i,
]

/** Lines after the last review: the end of the page, not part of any review. */
const FOOTER = [
  /^An error has occu?rr?ed\. Please try again\.?$/,
  /^See also$/,
  /^Recently Viewed$/i,
  /^Clear your history$/i,
  /^Load More$/i,
  /^Back to top$/i,
  /^Get the IMDb App$/i,
  /^Contribute to this page$/i,
  /^More to explore$/i,
  /^More from this title$/i,
  /^Add another review$/i,
  // The link bar: "Awards | FAQ | User Ratings | External Reviews | Metacritic Reviews".
  /^[^|]+(?: \| [^|]+){2,}$/,
]

export function ratingOf(line: string): number | null {
  const match = RATING.exec(stripBullet(line))
  return match === null ? null : Number(match[1])
}

export function helpfulOf(line: string): Helpful | null {
  for (const pattern of HELPFUL) {
    const match = pattern.exec(line)
    if (match !== null) return { yes: parseCount(match[1]), total: parseCount(match[2]) }
  }
  const votes = HELPFUL_VOTES.exec(line)
  if (votes === null) return null
  const yes = parseCount(votes[1])
  return { yes, total: yes + (votes[2] === undefined ? 0 : parseCount(votes[2])) }
}

export function usefulBeforeOf(line: string): Helpful | null {
  const match = USEFUL_BEFORE.exec(line)
  return match === null ? null : { yes: parseCount(match[1]), total: parseCount(match[2]) }
}

export function declaredCountOf(line: string): number | null {
  for (const pattern of DECLARED) {
    const match = pattern.exec(line)
    if (match !== null) return parseCount(match[1])
  }
  return null
}

export function isSpoilerLine(line: string): boolean {
  return SPOILER.test(stripBullet(line))
}

/** The vote prompt, permalink and buttons that follow each review. */
export function isReviewChrome(line: string): boolean {
  return REVIEW_CHROME.some((pattern) => pattern.test(line))
}

export function isHeaderChrome(line: string): boolean {
  return HEADER_CHROME.some((pattern) => pattern.test(line))
}

export function isFooterLine(line: string): boolean {
  return FOOTER.some((pattern) => pattern.test(line))
}

// "(2004)", "(TV Series 2004–2008)", "(2020– )": IMDb puts qualifiers before the year and a
// range after it for series.
const YEAR_GROUP = String.raw`\((?:[^()]*\s)?(\d{4})(?:\s*[–-]\s*(?:\d{4})?\s*)?\)`
const TITLE_WITH_YEAR = new RegExp(`^(.+?)\\s*${YEAR_GROUP}(\\s+Poster)?$`)
const TITLE_POSTER_ONLY = /^(.+?)\s+Poster$/
const YEAR_LINE = new RegExp(`^${YEAR_GROUP}$`)
const REVIEW_OF = /^Review of\s+(.+)$/i

/** "Pusher II (2004) Poster" → work; `requirePoster` guards against body text with a year. */
export function workOf(line: string, requirePoster: boolean): WorkRef | null {
  const withYear = TITLE_WITH_YEAR.exec(line)
  if (withYear !== null && (!requirePoster || withYear[3] !== undefined)) {
    return { title: unquote(withYear[1] ?? ''), year: Number(withYear[2]) }
  }
  const posterOnly = TITLE_POSTER_ONLY.exec(line)
  return posterOnly === null ? null : { title: unquote(posterOnly[1] ?? ''), year: null }
}

/** A work line of a per-user page: `Thin Ice (2020– )`, `"Monster" (2004)`; a year is required. */
export function reviewWorkOf(line: string): WorkRef | null {
  if (line.length > 150) return null
  const work = workOf(stripBullet(line), false)
  return work === null || work.year === null || work.title === '' ? null : work
}

/** The heading of a single-review page: "Review of Pusher II". */
export function reviewOfHeading(line: string): WorkRef | null {
  const match = REVIEW_OF.exec(line)
  if (match === null) return null
  return workOf(match[1] ?? '', false) ?? { title: unquote(match[1] ?? ''), year: null }
}

// Mobile pages print the year under the title without parentheses: "TV Series 2020–", "2004 · 1h 40m".
const BARE_YEAR_LINE =
  /^(?:(?:TV (?:Mini[- ])?Series|TV Movie|Mini[- ]Series|Video|TV Special)\s+)?(\d{4})(?:\s*[–-]\s*(?:\d{4})?)?(?:\s*[·•].*)?$/

/** The "(2004)" line under the title. */
export function yearLineOf(line: string): number | null {
  const match = YEAR_LINE.exec(line) ?? BARE_YEAR_LINE.exec(line)
  return match === null ? null : Number(match[1])
}

const OWNER = [/^Reviews by (.+)$/i, /^(.+?)['’]s? Reviews$/i, /^User reviews by (.+)$/i]

/** The owner of a per-user review page, from its heading. */
export function pageOwnerOf(line: string): string | null {
  for (const pattern of OWNER) {
    const match = pattern.exec(line)
    const owner = match?.[1]?.trim()
    if (owner !== undefined && owner !== '' && owner.length <= 60) return owner
  }
  return null
}

/** Can this line be a review headline? Excludes every line with a fixed role in the layout. */
export function canBeHeadline(line: string): boolean {
  return (
    line !== '' &&
    // A bare count is the down-vote count of newer layouts, never a headline.
    !/^\d[\d,.]*$/.test(line) &&
    helpfulOf(line) === null &&
    usefulBeforeOf(line) === null &&
    ratingOf(line) === null &&
    !isSpoilerLine(line) &&
    !isReviewChrome(line) &&
    !isFooterLine(line)
  )
}

function unquote(title: string): string {
  const match = /^["“](.+)["”]$/.exec(title.trim())
  return match === null ? title.trim() : (match[1] ?? '')
}

function parseCount(text: string | undefined): number {
  return Number((text ?? '').replace(/[,.]/g, ''))
}
