// Builds IMDb title-review pages for the parser tests, one layout variation at a time.

export interface ReviewSpec {
  rating?: string | null
  title: string
  byline: string
  spoiler?: boolean
  body: string[]
  helpful?: string | null
}

export const HEADER = [
  'Drive (2011) Poster',
  '',
  '(2011)',
  '',
  'User Reviews',
  '',
  'Review this title',
  '3 Reviews',
  'Sort by:',
  'Filter by Rating:',
]
export const FOOTER = [
  'An error has occured. Please try again.',
  '',
  'See also',
  '',
  'Awards | FAQ | User Ratings | External Reviews | Metacritic Reviews',
  '',
  '',
  'Recently Viewed',
]
export const VOTE = ' Was this review helpful? Sign in to vote.'

export function reviewLines(spec: ReviewSpec): string[] {
  const lines = spec.rating === null ? [] : [spec.rating ?? '8/10']
  lines.push(spec.title, spec.byline)
  if (spec.spoiler === true) lines.push('Warning: Spoilers')
  lines.push(...spec.body)
  if (spec.helpful !== null)
    lines.push(`${spec.helpful ?? '3 out of 4'} found this helpful.${VOTE}`)
  if (spec.helpful !== null) lines.push('Permalink')
  return lines
}

export function page(reviews: ReviewSpec[], header = HEADER, footer = FOOTER): string {
  return [...header, ...reviews.flatMap(reviewLines), ...footer].join('\n')
}

export const first: ReviewSpec = {
  title: 'A real hero',
  byline: 'Jane Doe12 March 2012',
  body: ['First paragraph.', '', 'Second paragraph.'],
}
export const second: ReviewSpec = {
  rating: '6/10',
  title: 'Style over substance',
  byline: 'kenobi-44 May 2013',
  body: ['Only one paragraph, it cost 80.000 kroner and I gave it 7/10 stars.'],
  helpful: '10 out of 20',
}
