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

const W = 560
const H = 230
const LEFT = 44
const TOP = 22
const BASE = 176

/**
 * Inline SVG, paired bars per rating with their counts written on them and both axes labelled:
 * no script, no remote resource, prints as drawn.
 */
export function histogramSvg({ original, mine }: Histogram): string {
  const max = Math.max(1, ...original, ...mine)
  const slot = (W - LEFT) / 10
  const bar = slot / 2 - 4
  const height = (n: number) => Math.round((n / max) * (BASE - TOP))
  const parts: string[] = []
  const column = (cls: string, x: number, n: number, title: string) => {
    const h = height(n)
    parts.push(
      `<rect class="${cls}" x="${x}" y="${BASE - h}" width="${bar}" height="${h}"><title>${title}</title></rect>`,
    )
    if (n > 0) {
      parts.push(
        `<text class="count" x="${x + bar / 2}" y="${BASE - h - 4}" text-anchor="middle">${n}</text>`,
      )
    }
  }
  for (let i = 0; i < 10; i++) {
    const x = LEFT + i * slot + 4
    column('orig', x, original[i]!, `${original[i]} reviews rated ${i + 1}/10`)
    column('mine', x + bar + 2, mine[i]!, `${mine[i]} of my ratings ${i + 1}/10`)
    parts.push(`<text x="${x + bar + 1}" y="${BASE + 16}" text-anchor="middle">${i + 1}</text>`)
  }
  const label = escapeHtml(
    `Rating histogram. Original ratings 1 to 10: ${original.join(', ')}. My ratings 1 to 10: ${mine.join(', ')}.`,
  )
  return `<svg class="histogram" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${label}">
${parts.join('\n')}
<line x1="${LEFT}" y1="${BASE}" x2="${W}" y2="${BASE}" class="axis"/>
<line x1="${LEFT}" y1="${TOP}" x2="${LEFT}" y2="${BASE}" class="axis"/>
<text x="${LEFT - 6}" y="${BASE}" text-anchor="end">0</text>
<text x="${LEFT - 6}" y="${TOP + 4}" text-anchor="end">${max}</text>
<text class="axis-label" x="${(LEFT + W) / 2}" y="${H - 6}" text-anchor="middle">Rating (1–10)</text>
<text class="axis-label" transform="translate(14 ${(TOP + BASE) / 2}) rotate(-90)" text-anchor="middle">Number of reviews</text>
</svg>
<p class="legend"><span class="swatch orig"></span> original rating <span class="swatch mine"></span> my rating</p>`
}
