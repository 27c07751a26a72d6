import type { FormatId, ParseOptions, ParseResult } from '../../../shared/domain'
import { BadInputError } from '../errors'
import { detectFormatSteps, detectImdb } from './detect-format'
import { isTextLayout, withNote, readingContest } from './families/reading-contest'
import { finishSteps } from './finish'
import { parseGenericSteps } from './generic/generic-text'
import { looksLikeGenericReviews } from './generic/meta-lines'
import { htmlToText } from './html/html-to-text'
import { parseImdbAnySteps } from './imdb/parse-imdb'
import { runSteps, type ParseProgress, type ParseSteps } from './parse-util'
import { parseTabularSteps } from './tabular/parse-tabular'

const LAYOUT_HINT =
  'found no review layout it knows (IMDb: a rating like 8/10, a headline and a byline like Name12 March 2006; other sites: a date or a rating line above each review; or JSON/CSV with a review text column)'

/** Detects the dump's layout and parses it; refuses what is not a readable review page. */
export function parseDump(text: string, fileName: string, options: ParseOptions = {}): ParseResult {
  return runSteps(parseDumpSteps(text, fileName, options))
}

/**
 * The same parse in steps: yields progress every few thousand lines, so a caller can run a huge
 * dump in time slices, show progress and stop early. The result equals parseDump's.
 */
export function* parseDumpSteps(
  text: string,
  fileName: string,
  options: ParseOptions = {},
): ParseSteps {
  const layout = options.format ?? (yield* detectFormatSteps(text, fileName))
  let last: ParseProgress = { done: 0, total: 1 }
  let parsed: ParseResult
  if (layout !== null && !isTextLayout(layout)) {
    parsed = yield* track(stepsFor(layout, text, fileName, options), (p) => (last = p))
  } else {
    const contest = readingContest(text, layout, options.format ?? null, (format, sample) =>
      stepsFor(format, sample, fileName, options),
    )
    if (contest === null) {
      if (layout === null)
        throw new BadInputError(`${fileName} is not a review page: ${LAYOUT_HINT}`)
      // Nothing read a review: the layout parser's own refusal says what the page declares.
      parsed = yield* track(stepsFor(layout, text, fileName, options), (p) => (last = p))
    } else if (contest.winner === null) {
      // The established layout parsers won on the sample: they read the whole dump in steps.
      const full = yield* track(
        stepsFor(contest.layout, text, fileName, options),
        (p) => (last = p),
      )
      const warnings = withNote(full.warnings, contest.detection)
      parsed = { ...full, warnings, detection: contest.detection }
    } else parsed = contest.winner
  }
  // Finishing compares every review and yields too, holding the bar where the parse left it.
  const finish = finishSteps(parsed, fileName)
  let finished = finish.next()
  for (; finished.done !== true; finished = finish.next()) yield last
  return finished.value
}

function* track(steps: ParseSteps, seen: (p: ParseProgress) => void): ParseSteps {
  let next = steps.next()
  for (; next.done !== true; next = steps.next()) {
    seen(next.value)
    yield next.value
  }
  return next.value
}

/** Every import format's parser. Typed by FormatId, so a format without a parser fails to compile. */
const PARSERS: Record<
  FormatId,
  (text: string, fileName: string, options: ParseOptions) => ParseSteps
> = {
  'imdb-title-reviews-text': (text) =>
    parseImdbAnySteps(text, { format: 'imdb-title-reviews-text' }),
  'imdb-title-reviews-mobile-text': (text) =>
    parseImdbAnySteps(text, { format: 'imdb-title-reviews-mobile-text' }),
  'imdb-user-reviews-text': (text) => parseImdbAnySteps(text, { format: 'imdb-user-reviews-text' }),
  'imdb-single-review-text': (text) =>
    parseImdbAnySteps(text, { format: 'imdb-single-review-text' }),
  'imdb-legacy-text': (text) => parseImdbAnySteps(text, { format: 'imdb-legacy-text' }),
  'imdb-html': (text, fileName) => parseHtmlSteps(text, fileName),
  'generic-text': (text) => parseGenericSteps(text),
  json: (text, fileName, options) => parseTabularSteps(text, fileName, 'json', options),
  jsonl: (text, fileName, options) => parseTabularSteps(text, fileName, 'jsonl', options),
  csv: (text, fileName, options) => parseTabularSteps(text, fileName, 'csv', options),
  tsv: (text, fileName, options) => parseTabularSteps(text, fileName, 'tsv', options),
  'review-curator-export': (text, fileName, options) =>
    parseTabularSteps(text, fileName, 'review-curator-export', options),
}

export function stepsFor(
  format: FormatId,
  text: string,
  fileName: string,
  options: ParseOptions,
): ParseSteps {
  // Formats arrive from files and requests: an id this version does not know is refused, never
  // handed to a parser that would guess.
  const parse = Object.prototype.hasOwnProperty.call(PARSERS, format) ? PARSERS[format] : undefined
  if (!parse)
    throw new BadInputError(`${fileName}: unknown import format ${JSON.stringify(format)}`)
  return parse(text, fileName, options)
}

/** Saved HTML: the page as a browser copy would give it, then the layout parsers. */
function* parseHtmlSteps(html: string, fileName: string): ParseSteps {
  const text = htmlToText(html)
  yield { done: 0, total: 1 }
  const lines = text.split('\n', 20000).map((line) => line.trim())
  const layout = detectImdb(lines, fileName)
  if (layout !== null) {
    const result = yield* parseImdbAnySteps(text, {
      format: 'imdb-html',
      chromeBeforeFirst: true,
    })
    return { ...result, warnings: [layoutNote(layout), ...result.warnings] }
  }
  if (looksLikeGenericReviews(lines)) {
    const result = yield* parseGenericSteps(text)
    return { ...result, warnings: [...result.warnings] }
  }
  throw new BadInputError(
    `${fileName} is an HTML page but not a page of reviews: its text has no IMDb review layout and no dated or rated reviews`,
  )
}

function layoutNote(layout: FormatId): { line: number; code: string; message: string } {
  return {
    line: 1,
    code: 'html-layout',
    message: `Saved HTML page read as ${layout}; line numbers refer to the page's text, not its HTML source`,
  }
}
