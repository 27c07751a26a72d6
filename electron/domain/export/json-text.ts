// JSON text for the export's hot path. At 100,000 reviews, JSON.stringify spent most of the
// export escaping review bodies (about 150 MB of text at some 200 MB/s in Node 20's V8). Review
// text needs only three escapes in practice (backslash, quote, newline), and replaceAll does each
// in one native pass; anything rarer falls back to JSON.stringify, so the output is always exactly
// JSON.stringify's. test/unit/export/json-text.test.ts checks that on arbitrary strings.

/** Control characters the fast path does not escape (all but the newline). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0009\u000b-\u001f]/

/** JSON.stringify(text), faster for ordinary prose. */
export function jsonString(text: string): string {
  // A lone surrogate is escaped by JSON.stringify; isWellFormed answers at once for Latin-1 text.
  if (CONTROL.test(text) || !text.isWellFormed()) return JSON.stringify(text)
  let s = text
  // Backslashes first: the escapes added after them must not be doubled.
  if (s.includes('\\')) s = s.replaceAll('\\', '\\\\')
  if (s.includes('"')) s = s.replaceAll('"', '\\"')
  if (s.includes('\n')) s = s.replaceAll('\n', '\\n')
  return `"${s}"`
}

/** JSON.stringify of a string or null. */
export const jsonNullableString = (text: string | null): string =>
  text === null ? 'null' : jsonString(text)

/** JSON.stringify of a number or null (non-finite numbers are null, as in JSON.stringify). */
export const jsonNumber = (n: number | null): string =>
  n === null || !Number.isFinite(n) ? 'null' : String(n)

/** JSON.stringify of a list of strings. */
export function jsonStrings(list: readonly string[]): string {
  if (list.length === 0) return '[]'
  let out = '['
  for (let i = 0; i < list.length; i++) out += (i === 0 ? '' : ',') + jsonString(list[i]!)
  return `${out}]`
}
