// IMDb mobile title page as copied: "User Reviews (N)", "Add a Review", then one bullet per review
// holding only its body (and a "Warning: Spoilers" bullet). No author, date, rating or headline is
// visible, so none is read: a "9.2" inside a body stays body.
import type { ParsedReview, UnparsedFragment } from '../../../../shared/domain'
import { findDate } from '../dates'
import { declaredCountOf } from '../imdb/lines'
import { bodyOf, isChrome, isSpoilerWarning, ratingOfLine, type Line } from '../lines/classify-line'
import { review, type Family } from './family'

export const imdbMobileTitle: Family = {
  id: 'imdb-mobile-title',
  label: 'IMDb mobile title page',
  format: 'imdb-title-reviews-mobile-text',
  generic: false,
  parse(lines) {
    const marked = lines.some((l) => /^Add a Review$/i.test(l.text) || isSpoilerWarning(l.bare))
    const declared = lines.map((l) => declaredCountOf(l.text)).find((n) => n !== null) ?? null
    const bullets = lines.filter((l) => l.bullet && l.bare !== '')
    // Bulleted ratings or bylines are the fuller mobile layout, which the IMDb parser reads.
    if (bullets.length === 0 || (!marked && declared === null && !allProse(bullets))) return null
    if (bullets.some((l) => ratingOfLine(l.bare) !== null || / • /.test(l.bare))) return null
    if (lines.some((l) => /found this helpful|^Permalink$/i.test(l.text))) return null
    const reviews: ParsedReview[] = []
    const fragments: UnparsedFragment[] = []
    const first = bullets[0]?.index ?? lines.length
    const lead = bodyOf(lines.slice(0, first).filter((l) => !isHeader(l)))
    if (lead !== '') fragments.push({ line: 1, text: lead })
    for (let b = 0; b < bullets.length; b++) {
      const start = bullets[b] as Line
      const end = bullets[b + 1]?.index ?? lines.length
      const spoiler = isSpoilerWarning(start.bare)
      const own = lines.slice(spoiler ? start.index + 1 : start.index, end)
      const body = bodyOf(own)
      if (body !== '') reviews.push(review({ line: start.index + 1, body, spoiler }))
    }
    return { work: null, declaredCount: declared, reviews, fragments }
  },
}

/** A copy cut below its header: every bullet still opens with a sentence, not a title or a byline. */
function allProse(bullets: readonly Line[]): boolean {
  return bullets.every((b) => b.bare.length >= 40 && findDate(b.bare) === null)
}

function isHeader(line: Line): boolean {
  return declaredCountOf(line.text) !== null || isChrome(line.text)
}
