import type { ParseResult } from '../../../shared/domain'
import { BadInputError } from '../errors'
import { detectFormat } from './detect-format'
import { parseImdbTitleText } from './imdb-title-text'

const LAYOUT_HINT =
  'found no IMDb review layout (a rating like 8/10, a headline, and a byline like Name12 March 2006)'

/** Detects the dump's layout and parses it; refuses what is not a readable review page. */
export function parseDump(text: string, fileName: string): ParseResult {
  const format = detectFormat(text)
  if (format === null) throw new BadInputError(`${fileName} is not a review page: ${LAYOUT_HINT}`)
  const result = parseImdbTitleText(text)
  if (result.reviews.length === 0) throw new BadInputError(noReviewsMessage(result, fileName))
  return result
}

function noReviewsMessage(result: ParseResult, fileName: string): string {
  const declared =
    result.declaredCount === null
      ? 'the page looks like IMDb reviews'
      : `the page declares ${result.declaredCount} review${result.declaredCount === 1 ? '' : 's'}`
  return `${fileName}: ${declared} but none could be read (${whereItFailed(result)})`
}

function whereItFailed(result: ParseResult): string {
  const fragment = result.fragments[0]
  if (fragment === undefined) return 'no text after the page header'
  const firstLine = fragment.text.split('\n')[0] ?? ''
  const preview = firstLine.length > 40 ? `${firstLine.slice(0, 37)}...` : firstLine
  return `line ${fragment.line} "${preview}" is not followed by a headline and a byline like Name12 March 2006`
}
