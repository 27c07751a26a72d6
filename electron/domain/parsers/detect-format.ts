import type { FormatId } from '../../../shared/domain'
import { splitByline } from './byline'
import { canBeHeadline, helpfulOf, ratingOf } from './imdb-title-lines'

/**
 * Names the layout of a decoded dump, or null when none is recognised. Looks for the markers an
 * IMDb title-reviews page cannot lack: a byline together with a helpful line, or a rating line
 * followed by a headline and a byline (a copy that stops before the first helpful line).
 */
export function detectFormat(text: string): FormatId | null {
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
  const hasByline = lines.some((line) => splitByline(line) !== null)
  if (!hasByline) return null
  const hasHelpful = lines.some((line) => helpfulOf(line) !== null)
  return hasHelpful || hasRatedStart(lines) ? 'imdb-title-reviews-text' : null
}

function hasRatedStart(lines: string[]): boolean {
  return lines.some(
    (line, i) =>
      ratingOf(line) !== null &&
      canBeHeadline(lines[i + 1] ?? '') &&
      splitByline(lines[i + 2] ?? '') !== null,
  )
}
