// Highlights are stored as offsets plus the quoted text. When a review's body changes (a re-import
// of a newer copy, a fixed typo) the offsets may point at the wrong words, so the quote decides.

export interface Anchor {
  start: number
  end: number
}

/** Collapses runs of whitespace, remembering where each kept character came from in `text`. */
function squeeze(text: string): { text: string; map: number[] } {
  let out = ''
  const map: number[] = []
  let space = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (/\s/.test(ch)) {
      if (!space) {
        out += ' '
        map.push(i)
      }
      space = true
    } else {
      out += ch
      map.push(i)
      space = false
    }
  }
  map.push(text.length)
  return { text: out, map }
}

function occurrences(haystack: string, needle: string): number[] {
  const out: number[] = []
  for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + 1)) {
    out.push(at)
  }
  return out
}

const nearest = (positions: number[], target: number): number =>
  positions.reduce((best, p) => (Math.abs(p - target) < Math.abs(best - target) ? p : best))

/**
 * Where `quote` sits in `body` now: the stored offsets when they still hold the quote, else the
 * occurrence nearest to them (exact text first, then ignoring whitespace differences), else null
 * when the passage is gone.
 */
export function anchorQuote(
  body: string,
  quote: string,
  start: number,
  end: number,
): Anchor | null {
  if (quote === '') return null
  if (body.slice(start, end) === quote) return { start, end }
  const exact = occurrences(body, quote)
  if (exact.length > 0) {
    const at = nearest(exact, start)
    return { start: at, end: at + quote.length }
  }
  const b = squeeze(body)
  const q = squeeze(quote.trim()).text
  if (q === '') return null
  const loose = occurrences(b.text, q)
  if (loose.length === 0) return null
  const at = nearest(
    loose.map((i) => b.map[i]!),
    start,
  )
  const from = loose[loose.map((i) => b.map[i]!).indexOf(at)]!
  return { start: b.map[from]!, end: b.map[from + q.length - 1]! + 1 }
}
