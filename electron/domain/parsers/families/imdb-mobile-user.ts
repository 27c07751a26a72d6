// IMDb mobile profile page: the username, "IMDb member since …", a few stats, "Reviews", then per
// review the work's title, its year alone in parentheses, the headline and the body. The author
// of every review is the profile's owner; no date, rating or helpful votes are shown.
import type { ParsedReview } from '../../../../shared/domain'
import { bodyOf, isBlank, yearOnlyOf, type Line } from '../lines/classify-line'
import { headerFragments, review, type Family } from './family'

export const imdbMobileUser: Family = {
  id: 'imdb-mobile-user',
  label: 'IMDb mobile profile page',
  format: 'imdb-user-reviews-text',
  generic: false,
  parse(lines) {
    const starts = lines.filter(
      (l, i) => l.text !== '' && yearOnlyOf(lines[i + 1]?.text ?? '') !== null,
    )
    if (starts.length === 0) return null
    const member = lines.findIndex((l) => /^IMDb member since\b/i.test(l.text))
    const owner = member > 0 ? lastText(lines, member) : null
    const reviews: ParsedReview[] = []
    starts.forEach((start, s) => {
      const end = starts[s + 1]?.index ?? lines.length
      const year = yearOnlyOf(lines[start.index + 1]?.text ?? '')
      let k = start.index + 2
      while (k < end && isBlank(lines[k])) k++
      const title = lines[k]?.text ?? ''
      const body = bodyOf(lines.slice(k + 1, end))
      if (body === '' || k >= end) return
      reviews.push(
        review({
          line: start.index + 1,
          title,
          author: owner ?? '',
          body,
          work: { title: start.text.replace(/^["“](.+)["”]$/, '$1'), year },
          provenance: owner === null ? { work: 'line' } : { author: 'owner', work: 'line' },
        }),
      )
    })
    const firstStart = starts[0]?.index ?? 0
    const header = member === -1 ? firstStart : member
    return { work: null, declaredCount: null, reviews, fragments: headerFragments(lines, header) }
  },
}

function lastText(lines: readonly Line[], before: number): string | null {
  for (let k = before - 1; k >= 0; k--) if (lines[k]?.text !== '') return lines[k]?.text ?? null
  return null
}
