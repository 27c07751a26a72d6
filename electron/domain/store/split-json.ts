// Reading a review file as one string costs more than parsing it: each file's text is a few
// hundred kilobytes, too large for V8's young generation, so every one is allocated (and later
// freed) as a large object, and the whole library's 195 MB pass through that. Parsed a few dozen
// kilobytes at a time, the same file took about a third less time (2.2 s instead of 3.3 s of CPU
// for 100,000 reviews on the shared machine). Only the layout the app writes (jsonPieces: the
// array last, its elements joined by `,`) is read this way; anything else returns null and the
// caller parses the whole text, so a damaged file gets exactly the message it got before.

/** Text parsed per JSON.parse call: small enough to stay out of V8's large-object space. */
const CHUNK_BYTES = 32 * 1024

/**
 * JSON.parse(bytes as text) for an object whose last field is the array `key` of objects that
 * each begin with the field `first` (a review file: `"reviews":[{"id":…},…]}`), parsed a chunk
 * of elements at a time. Null when the bytes do not have that layout or do not parse: the caller
 * then parses the whole text.
 */
export function parseSplitJson(
  bytes: Buffer,
  key: string,
  first: string,
  encoding: 'latin1' | 'utf8',
  chunkBytes = CHUNK_BYTES,
): Record<string, unknown> | null {
  const opening = Buffer.from(`${JSON.stringify(key)}:[`)
  const at = bytes.indexOf(opening)
  const end = bytes.length - 2
  if (at < 0 || end < at + opening.length || bytes.toString('latin1', end) !== ']}') return null
  // Every separator byte is ASCII, so a chunk never cuts a UTF-8 sequence in two.
  const separator = Buffer.from(`},{${JSON.stringify(first)}:`)
  try {
    // The text before the array, closed where the array would close: it parses only if the key
    // is a field of the top-level object (a nested one leaves a brace open), and then as that object.
    const head = JSON.parse(
      `${bytes.toString(encoding, 0, at)}${JSON.stringify(key)}:[]}`,
    ) as Record<string, unknown>
    const elements: unknown[] = []
    let from = at + opening.length
    while (from < end) {
      const next = bytes.indexOf(separator, Math.min(from + chunkBytes, end))
      let to = next < 0 || next >= end ? end : next + 1
      // Each chunk is a list of whole values, so the chunks joined by `,` are the array's own.
      let part: unknown[]
      try {
        part = JSON.parse(`[${bytes.toString(encoding, from, to)}]`) as unknown[]
      } catch (e) {
        // The separator was inside an element (a nested object starting with the same field):
        // the rest is parsed in one piece, whose failure is the file's.
        if (to === end) throw e
        to = end
        part = JSON.parse(`[${bytes.toString(encoding, from, to)}]`) as unknown[]
      }
      for (const element of part) elements.push(element)
      from = to + 1
    }
    head[key] = elements
    return head
  } catch {
    return null
  }
}
