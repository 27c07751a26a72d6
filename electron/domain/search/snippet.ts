import { matchRanges } from '../../../shared/search-marks'
import { fold } from './tokenize'

// The list row's snippet: a short passage of the body around the first place the search's words
// occur, so a curator sees why a review matched without opening it. Only rows of the page asked
// for are cut, and each body is folded only as far as its first match (see firstMatch).

/** Characters shown before the match, so it reads in context. */
const LEAD = 40
export const SNIPPET_LENGTH = 160

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

/** The last whitespace at or before `from`, or -1. */
function spaceBefore(text: string, from: number): number {
  for (let i = from; i >= 0; i--) if (/\s/.test(text[i]!)) return i
  return -1
}

/** Characters folded at a time: most matches are early, and the longest bodies run to 30,000. */
const WINDOW = 2048
/** Characters before a window kept for the word-start test (accents may follow a letter). */
const BEFORE = 8

/** The earliest word-start match of a term starting in folded[lo, hi), or -1. */
function earliestIn(folded: string, terms: string[], lo: number, hi: number): number {
  let best = -1
  for (const term of terms) {
    for (let at = folded.indexOf(term, lo); at >= 0 && at < hi; at = folded.indexOf(term, at + 1)) {
      if (best >= 0 && at >= best) break
      if (isWordChar(folded[at - 1])) continue
      best = at
      break
    }
  }
  return best
}

const NON_ASCII_RUN = /[\u0080-\uffff]+/g
const keepsLength = new Map<string, boolean>()

/** Whether `ch` (one code point) folds to as many code units as it has. */
function charKeepsLength(ch: string): boolean {
  let keeps = keepsLength.get(ch)
  if (keeps === undefined) {
    keeps = fold(ch).length === ch.length
    if (keepsLength.size < 4096) keepsLength.set(ch, keeps)
  }
  return keeps
}

/**
 * `text` folded when every character folds to one (ASCII, most accents): positions then carry over
 * as they are. Null otherwise (æ, a combining accent): the slower per-character mapping is needed,
 * since a longer fold and a shorter one can cancel out in the total length.
 */
function foldInPlace(text: string): string | null {
  const folded = fold(text)
  if (folded.length !== text.length) return null
  for (const [run] of text.matchAll(NON_ASCII_RUN))
    for (const ch of run) if (!charKeepsLength(ch)) return null
  return folded
}

/**
 * Where the first term starts in `body`, matched folded and at a word start like the search. The
 * body is folded a window at a time (with a few characters before it and room for the longest term
 * after it), so a match near the start of a long body does not pay for folding all of it.
 */
export function firstMatch(body: string, terms: string[]): number {
  const longest = Math.max(...terms.map((t) => t.length))
  for (let from = 0; from < body.length; from += WINDOW) {
    // The characters before the window say whether a match at its start begins a word.
    const start = Math.max(0, from - BEFORE)
    const chunk = body.slice(start, from + WINDOW + longest)
    const lo = from - start
    const folded = foldInPlace(chunk)
    if (folded !== null) {
      const at = earliestIn(folded, terms, lo, lo + WINDOW)
      if (at >= 0) return start + at
      continue
    }
    const at = matchRanges(chunk, terms).find((r) => r.start >= lo && r.start < lo + WINDOW)
    if (at) return start + at.start
  }
  return -1
}

/**
 * The passage around the first match of `terms` (folded search terms) in `body`, on one line and
 * cut at word boundaries with an ellipsis; null when the body does not contain any of them (the
 * match was in the headline or the author).
 */
export function snippetOf(body: string, terms: string[], length = SNIPPET_LENGTH): string | null {
  if (terms.length === 0) return null
  const at = firstMatch(body, terms)
  if (at < 0) return null
  let start = Math.max(0, at - LEAD)
  let end = Math.min(body.length, start + length)
  // Whole words at both ends: step back to the space before the cut, never past the match.
  if (start > 0) {
    const space = spaceBefore(body, start)
    if (space < 0) start = 0
    else if (at - space <= LEAD * 2) start = space + 1
  }
  if (end < body.length) {
    const space = spaceBefore(body, end)
    if (space > at) end = space
  }
  const text = body.slice(start, end).replace(/\s+/g, ' ').trim()
  return `${start > 0 ? '… ' : ''}${text}${end < body.length ? ' …' : ''}`
}
