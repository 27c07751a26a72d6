import { foldFast } from '../../../shared/fold-text'

// Search works on folded text (lower case, accents stripped) cut into words: maximal runs of
// letters and digits. A query word matches a review when it is a prefix of one of its words, so
// the index and the fallback scan must agree on both rules; they live here. A code-unit table
// instead of a Unicode regex makes tokenising 145 MB about a third faster; surrogates count as
// word characters so astral letters stay inside their word.

const NON_ASCII = /[\u0080-\uffff]/
const NON_ASCII_RUN = /[\u0080-\uffff]+/g

/** 1 for the UTF-16 code units that belong to a word. */
export const WORD_UNIT = (() => {
  const table = new Uint8Array(65536)
  const letterOrDigit = /[\p{L}\p{N}]/u
  for (let c = 0; c < 65536; c++) {
    table[c] = (c >= 0xd800 && c <= 0xdfff) || letterOrDigit.test(String.fromCharCode(c)) ? 1 : 0
  }
  return table
})()

/** foldText, faster (see shared/fold-text.ts): the fold the index and the scan share. */
export const fold = foldFast

const noWordUnit = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (WORD_UNIT[text.charCodeAt(i)] === 1) return false
  return true
}

/**
 * Whether folding `raw` leaves its ASCII words as they are, apart from case: true when each run of
 * non-ASCII characters folds to a non-empty run of non-word characters (curly quotes, dashes).
 * Then a regex over the raw text that treats every non-ASCII character as a separator finds the
 * same words and phrases as the folded text, and no copy has to be folded.
 */
export function keepsAsciiWords(raw: string): boolean {
  if (!NON_ASCII.test(raw)) return true
  for (const [run] of raw.matchAll(NON_ASCII_RUN)) {
    const out = fold(run)
    if (out.length === 0 || !noWordUnit(out)) return false
  }
  return true
}

const NUL = /\0/g

/** A review's indexed fields, NUL between them (the index records no word pair across a NUL). */
export function fieldsText(d: { title: string; author: string; body: string }): string {
  const { title, author, body } = d
  if (!title.includes('\0') && !author.includes('\0') && !body.includes('\0'))
    return `${title}\0${author}\0${body}`
  // A NUL inside a field separates words like any other non-word character: a space does too.
  return [title, author, body].map((f) => f.replace(NUL, ' ')).join('\0')
}

/** Calls `visit` with each word of already folded text, in order. */
export function eachWord(folded: string, visit: (word: string) => void): void {
  let start = -1
  const n = folded.length
  for (let i = 0; i < n; i++) {
    if (WORD_UNIT[folded.charCodeAt(i)] === 1) {
      if (start < 0) start = i
    } else if (start >= 0) {
      visit(folded.slice(start, i))
      start = -1
    }
  }
  if (start >= 0) visit(folded.slice(start))
}

/** The words of already folded text. */
export function words(folded: string): string[] {
  const out: string[] = []
  eachWord(folded, (w) => out.push(w))
  return out
}

/** The words of a query's raw text, folded like the reviews were. */
export function queryWords(raw: string): string[] {
  return words(fold(raw))
}

/** Whether folded `text` has a word starting with `word` (itself one folded word). */
export function hasWordPrefix(text: string, word: string): boolean {
  let i = text.indexOf(word)
  while (i >= 0) {
    if (i === 0 || WORD_UNIT[text.charCodeAt(i - 1)] === 0) return true
    i = text.indexOf(word, i + 1)
  }
  return false
}

/** Where the word starting at `i` ends. */
function wordEnd(text: string, i: number): number {
  while (i < text.length && WORD_UNIT[text.charCodeAt(i)] === 1) i++
  return i
}

/** Whether the words before phrase[k] (which starts at `at`) precede it, each a whole word. */
function matchesBefore(text: string, at: number, phrase: string[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    let end = at
    while (end > 0 && WORD_UNIT[text.charCodeAt(end - 1)] === 0) end--
    let start = end
    while (start > 0 && WORD_UNIT[text.charCodeAt(start - 1)] === 1) start--
    const word = phrase[j]!
    if (end === at || end - start !== word.length || !text.startsWith(word, start)) return false
    at = start
  }
  return true
}

/** Whether the words after phrase[k] (which starts at `at`) follow it; the last may be a prefix. */
function matchesAfter(text: string, at: number, phrase: string[], k: number): boolean {
  for (let j = k + 1; j < phrase.length; j++) {
    const end = wordEnd(text, at)
    if (end !== at + phrase[j - 1]!.length) return false // only the prefix of a longer word
    let start = end
    while (start < text.length && WORD_UNIT[text.charCodeAt(start)] === 0) start++
    if (!text.startsWith(phrase[j]!, start)) return false
    at = start
  }
  return true
}

/**
 * Whether `phrase` (folded words) occurs in folded `text` as consecutive words; the last may be a
 * prefix, as it is while the user is still typing it. Reads the text in place from the occurrences
 * of the longest word, which are the fewest.
 */
export function hasPhrase(text: string, phrase: string[]): boolean {
  if (phrase.length === 0) return true
  let k = 0
  for (let j = 1; j < phrase.length; j++) if (phrase[j]!.length > phrase[k]!.length) k = j
  const anchor = phrase[k]!
  for (let at = text.indexOf(anchor); at >= 0; at = text.indexOf(anchor, at + 1)) {
    if (at > 0 && WORD_UNIT[text.charCodeAt(at - 1)] === 1) continue
    if (matchesAfter(text, at, phrase, k) && matchesBefore(text, at, phrase, k)) return true
  }
  return false
}

/**
 * For plain-ASCII text, `hasPhrase` as one case-insensitive regex on the raw text, which spares
 * lower-casing a copy of it. Null when a word is not ASCII: such text cannot hold the phrase.
 * `strict` only lets ASCII characters separate and bound the words: a match in any raw text then
 * proves a match in its folded text (folding changes no ASCII character), so most reviews with a
 * few accented letters are settled without folding them either.
 */
export function asciiPhraseRegex(phrase: string[], strict = false): RegExp | null {
  if (phrase.some((w) => !/^[a-z0-9]+$/.test(w))) return null
  const other = strict ? '[^a-z0-9\\u0080-\\uffff]' : '[^a-z0-9]'
  const word = strict ? 'a-z0-9\\u0080-\\uffff' : 'a-z0-9'
  return new RegExp(`(?<![${word}])${phrase.join(`${other}+`)}`, 'i')
}
