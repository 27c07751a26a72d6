export type RatingScale = 5 | 10 | 100

/** A rating on `scale` as the library's whole 1-10 (half a star up rounds up). */
export function toTen(value: number, scale: RatingScale): number | null {
  if (!Number.isFinite(value) || value < 0 || value > scale) return null
  const ten = (value * 10) / scale
  return Math.min(10, Math.max(1, Math.round(ten)))
}

const STAR_FULL = /[★⭐✪✭]/g
const STAR_HALF = /½|⯪/g

/** "★★★★☆", "★★★½" → stars out of 5. */
export function starsOf(text: string): number | null {
  const s = text.replace(/\s+/g, '')
  if (!/^[★⭐✪✭☆✩½⯪]+$/.test(s)) return null
  const full = (s.match(STAR_FULL) ?? []).length
  const half = (s.match(STAR_HALF) ?? []).length
  if (full + half === 0) return null
  return full + half / 2
}

const SCALED =
  /^(?:(?:rating|score|rated|grade|my rating)\s*:?\s*)?(\d{1,3}(?:[.,]\d+)?)\s*(?:\/|out of|of)\s*(5|10|100)(?:\s*(?:stars?|points?))?\.?$/i
const STARS_WORD = /^(?:(?:rating|rated)\s*:?\s*)?(\d(?:[.,]5)?)\s*stars?$/i

/** A whole line that is a rating in some common notation, converted to 1-10. */
export function ratingLineOf(line: string): { rating: number | null; raw: string } | null {
  const s = line.trim()
  if (s.length > 40) return null
  const stars = starsOf(s.replace(/^(?:rating|rated)\s*:?\s*/i, ''))
  if (stars !== null) return { rating: toTen(stars, 5), raw: s }
  const scaled = SCALED.exec(s)
  if (scaled !== null) {
    const value = Number((scaled[1] ?? '').replace(',', '.'))
    return { rating: toTen(value, Number(scaled[2]) as RatingScale), raw: s }
  }
  const word = STARS_WORD.exec(s)
  if (word !== null) return { rating: toTen(Number((word[1] ?? '').replace(',', '.')), 5), raw: s }
  return null
}
