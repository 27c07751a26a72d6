import type { Match } from '../queries/query-service'
import { escapeHtml } from './html-escape'

export interface Histogram {
  original: number[]
  mine: number[]
}

/** Counts per rating 1..10 (index 0 is rating 1) of the original ratings and of mine. */
export function ratingHistogram(matches: Match[]): Histogram {
  const original = Array<number>(10).fill(0)
  const mine = Array<number>(10).fill(0)
  for (const { review, curation } of matches) {
    if (review.rating !== null) original[review.rating - 1]!++
    if (curation.myRating !== null) mine[curation.myRating - 1]!++
  }
  return { original, mine }
}

const W = 520
const H = 180
const BASE = 150

/** Inline SVG, paired bars per rating: no script, no remote resource, prints as drawn. */
export function histogramSvg({ original, mine }: Histogram): string {
  const max = Math.max(1, ...original, ...mine)
  const slot = W / 10
  const bar = slot / 2 - 4
  const bars: string[] = []
  for (let i = 0; i < 10; i++) {
    const x = i * slot + 4
    const ho = Math.round((original[i]! / max) * (BASE - 10))
    const hm = Math.round((mine[i]! / max) * (BASE - 10))
    bars.push(
      `<rect class="orig" x="${x}" y="${BASE - ho}" width="${bar}" height="${ho}"><title>${original[i]} reviews rated ${i + 1}/10</title></rect>`,
      `<rect class="mine" x="${x + bar + 2}" y="${BASE - hm}" width="${bar}" height="${hm}"><title>${mine[i]} of my ratings ${i + 1}/10</title></rect>`,
      `<text x="${x + bar}" y="${BASE + 16}" text-anchor="middle">${i + 1}</text>`,
    )
  }
  const label = escapeHtml(
    `Rating histogram. Original ratings 1 to 10: ${original.join(', ')}. My ratings 1 to 10: ${mine.join(', ')}.`,
  )
  return `<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}">
${bars.join('\n')}
<line x1="0" y1="${BASE}" x2="${W}" y2="${BASE}" class="axis"/>
</svg>
<p class="legend"><span class="swatch orig"></span> original rating <span class="swatch mine"></span> my rating</p>`
}
