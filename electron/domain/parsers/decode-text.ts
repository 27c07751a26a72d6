import { analyse } from 'chardet'
import { BadInputError } from '../errors'
import { runSteps, type ParseProgress } from './parse-util'

export interface DecodedDump {
  text: string
  /** WHATWG label of the encoding the bytes were read as, e.g. utf-8, utf-16le, windows-1252. */
  encoding: string
}

const EXPECTED = 'expected a copy of a review page'

/** Share of control characters above which a "text" file is really binary. */
const MAX_CONTROL_RATIO = 0.05

/** chardet reads a sample; a few hundred KB is plenty and keeps 200 MB dumps fast. */
const SAMPLE_BYTES = 256 * 1024

/** Encodings a review dump is plausibly saved in (Western first: they win a tie). */
const WESTERN = new Set(['windows-1252', 'iso-8859-1'])

/** Bytes decoded per step: a few milliseconds of work, so a caller can yield between steps. */
const SLICE_BYTES = 4 * 1024 * 1024

/**
 * Turns the bytes of a user's dump into normalised text. The BOM decides when there is one;
 * otherwise strict UTF-8 (which random legacy bytes practically never pass), then UTF-16 without
 * BOM (NUL in every other byte), then the legacy code page chardet detects.
 */
export function decodeDump(bytes: Uint8Array, fileName: string): DecodedDump {
  return runSteps(decodeDumpSteps(bytes, fileName))
}

/**
 * The same decoding in steps of a few megabytes (progress counts bytes), so a 200 MB dump can be
 * decoded in time slices. The result equals decodeDump's.
 */
export function* decodeDumpSteps(
  bytes: Uint8Array,
  fileName: string,
  sliceBytes = SLICE_BYTES,
): Generator<ParseProgress, DecodedDump, void> {
  if (bytes.length === 0) throw new BadInputError(`${fileName} is empty: ${EXPECTED}`)
  // A slice must hold a whole character (UTF-8 has up to four bytes) and an even byte count.
  sliceBytes = Math.max(4, sliceBytes - (sliceBytes % 2))
  // Strict UTF-8 first; bytes that turn out not to be UTF-8 are decoded again as what they are.
  if (detectBom(bytes) === null && !bytes.includes(0)) {
    const text = yield* decodeSlices(bytes, 'utf-8', fileName, true, sliceBytes)
    if (text !== null) return { text, encoding: 'utf-8' }
  }
  const encoding = detectEncoding(bytes, fileName)
  const text = yield* decodeSlices(bytes, encoding, fileName, false, sliceBytes)
  return { text: text ?? '', encoding }
}

/**
 * Decodes and normalises slice by slice. UTF-8 slices end on a character boundary and are decoded
 * whole (the one-call decoder keeps Latin-1 text in one byte per character; a streaming one
 * doubles the memory and time of everything after); other encodings stream, keeping characters
 * split between slices whole. A CR at a slice's end waits for a possible LF. Null when `fatal`
 * and the bytes are not valid in `encoding`.
 */
function* decodeSlices(
  bytes: Uint8Array,
  encoding: string,
  fileName: string,
  fatal: boolean,
  sliceBytes: number,
): Generator<ParseProgress, string | null, void> {
  const utf8 = encoding === 'utf-8'
  const decoder = new TextDecoder(encoding, { fatal })
  const parts: string[] = []
  let sample = ''
  let carry = ''
  let blank = true
  for (let at = 0; at < bytes.length;) {
    const end = utf8 ? utf8SliceEnd(bytes, at, sliceBytes) : Math.min(at + sliceBytes, bytes.length)
    const slice = bytes.subarray(at, end)
    let raw: string
    try {
      if (encoding === 'iso-8859-1') raw = latin1(slice)
      else raw = decoder.decode(slice, { stream: !utf8 && end < bytes.length })
    } catch (e) {
      if (fatal) return null
      throw e
    }
    if (encoding === 'windows-1252') raw = fixC1(raw)
    if (raw.includes('\0')) throw binaryError(fileName)
    if (sample.length < SAMPLE_BYTES) sample += raw.slice(0, SAMPLE_BYTES - sample.length)
    let chunk = carry + raw
    carry = end < bytes.length && chunk.endsWith('\r') ? '\r' : ''
    if (carry) chunk = chunk.slice(0, -1)
    const normalised = normaliseText(chunk)
    if (blank && /\S/.test(normalised)) blank = false
    parts.push(normalised)
    yield { done: end, total: bytes.length }
    at = end
  }
  if (looksBinary(sample)) throw binaryError(fileName)
  if (blank) throw new BadInputError(`${fileName} is empty: ${EXPECTED}`)
  return parts.join('')
}

/**
 * Where a UTF-8 slice from `at` ends: before the lead byte of the character it would cut (at
 * most three continuation bytes back; more can only be invalid UTF-8, which fails either way).
 */
function utf8SliceEnd(bytes: Uint8Array, at: number, sliceBytes: number): number {
  const limit = at + sliceBytes
  if (limit >= bytes.length) return bytes.length
  let end = limit
  while (end > limit - 3 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end--
  return end
}

/** Line endings, NBSP and zero-width characters differ per browser and would break matching. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?|\u2028|\u2029/g, '\n')
    .replace(/[\u00A0\u202F\u2007]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF\u00AD]/g, '')
}

function detectEncoding(bytes: Uint8Array, fileName: string): string {
  const bom = detectBom(bytes)
  if (bom !== null) {
    if (bom !== 'utf-8' && bytes.length % 2 === 1) {
      throw new BadInputError(
        `${fileName} is cut off: it is ${bom.toUpperCase()} text (it starts with a byte-order mark) but ends in the middle of a character (odd number of bytes, ${bytes.length})`,
      )
    }
    return bom
  }
  const utf16 = utf16WithoutBom(bytes)
  if (utf16 !== null) return utf16
  if (bytes.includes(0)) throw binaryError(fileName)
  return legacyEncoding(bytes)
}

function detectBom(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/** Windows tools sometimes drop the BOM; ASCII-heavy UTF-16 has NUL in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length % 2 === 1 || bytes.length < 4) return null
  const sample = bytes.subarray(0, Math.min(bytes.length, SAMPLE_BYTES))
  let evenZeros = 0
  let oddZeros = 0
  for (let i = 0; i < sample.length; i++) {
    if (sample[i] === 0) {
      if (i % 2 === 0) evenZeros++
      else oddZeros++
    }
  }
  const pairs = sample.length / 2
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le'
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be'
  return null
}

/**
 * Asks chardet for the legacy code page. A Western page wins ties (the candidates are often
 * equally likely for short Danish or Swedish text); anything this runtime cannot decode falls
 * back to windows-1252, which decodes every byte.
 */
function legacyEncoding(bytes: Uint8Array): string {
  const matches = analyse(bytes.subarray(0, SAMPLE_BYTES))
  const best = matches[0]
  if (best === undefined) return 'windows-1252'
  const western = matches.find((m) => WESTERN.has(m.name.toLowerCase()))
  if (western !== undefined && western.confidence >= best.confidence) {
    return western.name.toLowerCase()
  }
  const label = best.name.toLowerCase()
  return supported(label) ? label : 'windows-1252'
}

function supported(label: string): boolean {
  try {
    new TextDecoder(label)
    return true
  } catch {
    return false
  }
}

/** True ISO-8859-1: every byte is its code point (WHATWG would read it as windows-1252). */
function latin1(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, i + 8192))
  }
  return out
}

// Bytes 0x80-0x9F in windows-1252 order; \0 marks the five bytes the code page leaves unassigned.
const CP1252_HIGH = [...'€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ']

/**
 * Some Node builds' TextDecoder('windows-1252') decodes as ISO-8859-1, turning curly quotes and
 * dashes into C1 controls. Mapping them afterwards is a no-op where the decoder is correct.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]
    return mapped === undefined || mapped === '\0' ? c : mapped
  })
}

/** A high share of C0 controls (other than tab, LF, FF, CR) in the sample means this is not text. */
function looksBinary(sample: string): boolean {
  let controls = 0
  for (let i = 0; i < sample.length; i++) {
    const code = sample.charCodeAt(i)
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) {
      controls++
    }
  }
  return controls > 0 && controls / sample.length > MAX_CONTROL_RATIO
}

function binaryError(fileName: string): BadInputError {
  return new BadInputError(
    `${fileName} looks like a binary file, not text: ${EXPECTED} saved as plain text, HTML, JSON or CSV`,
  )
}
