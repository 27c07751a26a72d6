import type { ParseResult } from '../../../../shared/domain'
import { runSteps } from '../parse-util'
import { parseImdbSteps } from './review-parser'

/** The desktop title-reviews layout in one call (no de-duplication, no refusal of 0 reviews). */
export function parseImdbTitleText(text: string): ParseResult {
  return runSteps(parseImdbSteps(text, { format: 'imdb-title-reviews-text' }))
}
