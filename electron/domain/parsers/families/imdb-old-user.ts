// IMDb user pages of the 2000s: the helpful line first ("3 out of 11 people found the following
// review useful:"), then the headline and the date on one line, an optional spoiler warning, the
// body. A `<Title> (<YYYY>)` line just before a review names its work.
import type { Helpful, ParsedReview, WorkRef } from '../../../../shared/domain'
import {
  bodyOf,
  helpfulBeforeOf,
  imdbDateOf,
  isBlank,
  isSpoilerWarning,
  ownerOf,
  titleYearOf,
  type Line,
} from '../lines/classify-line'
import { review, type Family } from './family'

const HEADLINE_DATE = /^(.+),\s+(\d{1,2} [A-Z][a-z]+ \d{4})$/

interface Start {
  first: number
  headline: number
  work: WorkRef | null
  helpful: Helpful | null
}

export const imdbOldUser: Family = {
  id: 'imdb-old-user',
  label: 'IMDb user page, 2000s layout',
  format: 'imdb-legacy-text',
  generic: false,
  parse(lines) {
    if (lines.some((l) => /^Author:\s*\S/i.test(l.text))) return null
    const starts: Start[] = []
    for (let i = 0; i < lines.length; i++) {
      const m = HEADLINE_DATE.exec(lines[i]?.text ?? '')
      if (m === null || imdbDateOf(m[2] ?? '') === null) continue
      const above = lines[i - 1]?.text ?? ''
      let helpful = helpfulBeforeOf(above)
      const workBetween = helpful === null && titleYearOf(above) !== null
      if (workBetween) helpful = helpfulBeforeOf(lines[i - 2]?.text ?? '')
      if (helpful === null && !isBlank(lines[i - 1]) && !workBetween) continue
      // The work's line sits above the helpful line, or between it and the headline.
      let first = helpful === null ? i : i - 1
      const work = workBetween ? titleYearOf(above) : titleYearOf(lines[first - 1]?.text ?? '')
      if (workBetween) first = helpful === null ? i - 1 : i - 2
      else if (work !== null) first--
      starts.push({ first, headline: i, work, helpful })
    }
    if (starts.length === 0) return null
    const owner = ownerOf(lines.slice(0, starts[0]?.first ?? 0))
    const reviews: ParsedReview[] = []
    starts.forEach((start, s) => {
      const end = starts[s + 1]?.first ?? lines.length
      const m = HEADLINE_DATE.exec(lines[start.headline]?.text ?? '')
      let own: readonly Line[] = lines.slice(start.headline + 1, end)
      const warning = own.findIndex((l) => l.text !== '')
      const spoiler = warning !== -1 && isSpoilerWarning(own[warning]?.text ?? '')
      if (spoiler) own = own.slice(warning + 1)
      const body = bodyOf(own)
      if (body === '') return
      reviews.push(
        review({
          line: start.first + 1,
          title: m?.[1] ?? '',
          author: owner ?? '',
          date: imdbDateOf(m?.[2] ?? ''),
          bylineRaw: lines[start.headline]?.text ?? '',
          helpful: start.helpful,
          spoiler,
          body,
          work: start.work,
          provenance: {
            ...(start.work === null ? {} : { work: 'line' }),
            ...(owner === null ? {} : { author: 'owner' }),
          },
        }),
      )
    })
    return { work: null, declaredCount: null, reviews, fragments: [] }
  },
}
