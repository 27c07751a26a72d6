import { foldFast, foldText } from './fold-text'
import { parseQuery } from './query-language'

// Marks where the search's words occur, the way main matches them (shared: main cuts the list's
// snippets around the same matches the renderer marks): folded (accents, case) and
// by word prefix, so `soren` marks `Sørensen`. Phrases are marked whole.

export interface MarkRange {
  start: number
  end: number
}

/** The positive free-text terms of a typed query, folded; [] when it has none or does not parse. */
export function searchTerms(q: string | undefined): string[] {
  if (!q?.trim()) return []
  const parsed = parseQuery(q)
  if (!parsed.ok) return []
  const terms: string[] = []
  for (const clause of parsed.clauses) {
    if (clause.kind !== 'text' || clause.negate) continue
    const folded = foldText(clause.text).trim()
    if (clause.phrase) terms.push(folded)
    else terms.push(...folded.split(/[^\p{L}\p{N}]+/u).filter(Boolean))
  }
  return [...new Set(terms.filter(Boolean))]
}

function foldChar(ch: string): string {
  const code = ch.charCodeAt(0)
  // ASCII is most of any review and folds to its lower case: no call, no regex.
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch
  return foldFast(ch)
}

// eslint-disable-next-line no-control-regex
const ASCII = /^[\x00-\x7f]*$/

/**
 * Folds `text` one character at a time, remembering where each folded character came from;
 * `from` is null when each stays where it was (ASCII, most of any review: its lower case, in
 * one native call, where the list's rows and the reader mark dozens of texts per render).
 */
function foldWithMap(text: string): { folded: string; from: number[] | null } {
  if (ASCII.test(text)) return { folded: text.toLowerCase(), from: null }
  const parts: string[] = []
  const from: number[] = []
  for (let i = 0; i < text.length; i++) {
    const f = foldChar(text[i]!)
    parts.push(f)
    for (let k = 0; k < f.length; k++) from.push(i)
  }
  return { folded: parts.join(''), from }
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch)

export function matchRanges(text: string, terms: string[]): MarkRange[] {
  if (terms.length === 0 || !text) return []
  const { folded, from } = foldWithMap(text)
  const out: MarkRange[] = []
  for (const term of terms) {
    for (let at = folded.indexOf(term); at >= 0; at = folded.indexOf(term, at + 1)) {
      if (isWordChar(folded[at - 1])) continue
      const last = at + term.length - 1
      out.push(from ? { start: from[at]!, end: from[last]! + 1 } : { start: at, end: last + 1 })
    }
  }
  return out.sort((a, b) => a.start - b.start)
}
