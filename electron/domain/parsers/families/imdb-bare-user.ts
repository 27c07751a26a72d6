// IMDb user and single-review pages copied bare: `<headline>` / `<D Month YYYY>` / body, perhaps
// with `<N>/10` above the headline; a single-review page may start at its date line, and a blank
// line may separate the body from the helpful line. No work is shown: it stays unknown.
import type { Helpful, ParsedReview } from '../../../../shared/domain'
import {
  bodyOf,
  helpfulAfterOf,
  imdbDateOf,
  isBlank,
  isChrome,
  ownerOf,
  ratingOfLine,
  titleYearOf,
  type Line,
} from '../lines/classify-line'
import { review, type Family } from './family'

interface Start {
  first: number
  date: number
  headline: string
  rating: number | null
}

export const imdbBareUser: Family = {
  id: 'imdb-bare-user',
  label: 'IMDb user or single-review page, bare copy',
  format: 'imdb-user-reviews-text',
  generic: false,
  parse(lines) {
    const starts: Start[] = []
    for (let d = 0; d < lines.length; d++) {
      if (imdbDateOf(lines[d]?.text ?? '') === null) continue
      const above = lines[d - 1]
      const twoUp = lines[d - 2]
      const hasHeadline =
        !isBlank(above) &&
        (isBlank(twoUp) ||
          rated(twoUp) ||
          helpfulAfterOf(twoUp?.text ?? '') !== null ||
          isChrome(twoUp?.text ?? ''))
      if (!hasHeadline && !isBlank(above)) continue
      // `8/10` right above the date is the rating of a review without a headline.
      if (hasHeadline && rated(above)) {
        starts.push({
          first: d - 1,
          date: d,
          headline: '',
          rating: ratingOfLine(above?.text ?? ''),
        })
        continue
      }
      const rating = hasHeadline ? (ratingOfLine(lines[d - 2]?.text ?? '') ?? null) : null
      const first = hasHeadline ? (rating === null ? d - 1 : d - 2) : d
      starts.push({ first, date: d, headline: hasHeadline ? (above?.text ?? '') : '', rating })
    }
    // A work line above each review is the per-user layout the IMDb parser reads.
    if (
      starts.length === 0 ||
      starts.some((s) => titleYearOf(lines[s.first - 1]?.text ?? '') !== null)
    )
      return null
    const owner = ownerOf(lines.slice(0, starts[0]?.first ?? 0))
    const reviews: ParsedReview[] = []
    starts.forEach((start, s) => {
      const end = starts[s + 1]?.first ?? lines.length
      let helpful: Helpful | null = null
      const own = lines.slice(start.date + 1, end).filter((l) => {
        const votes = helpfulAfterOf(l.text)
        if (votes !== null) helpful = votes
        return votes === null
      })
      const body = bodyOf(own)
      if (body === '') return
      reviews.push(
        review({
          line: start.first + 1,
          title: start.headline,
          author: owner ?? '',
          ...(owner === null ? {} : { provenance: { author: 'owner' as const } }),
          date: imdbDateOf(lines[start.date]?.text ?? ''),
          rating: start.rating,
          helpful,
          body,
        }),
      )
    })
    const format = reviews.length === 1 ? 'imdb-single-review-text' : 'imdb-user-reviews-text'
    return { work: null, declaredCount: null, reviews, fragments: [], format }
  },
}

function rated(line: Line | undefined): boolean {
  return line !== undefined && ratingOfLine(line.text) !== null
}
