import { BadInputError } from '../errors'

type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be'

const EXPECTED = 'expected a copy of a review page'

/** Share of control characters above which a "text" file is really binary. */
const MAX_CONTROL_RATIO = 0.05

/**
 * Turns the bytes of a user's dump into normalised text. Pages are copied from browsers on
 * every platform and saved by whatever editor was at hand, so the encoding is a guess from the
 * BOM, then strict UTF-8, then windows-1252 (what Notepad used to save before UTF-8 was default).
 */
export function decodeDump(bytes: Uint8Array, fileName: string): string {
  if (bytes.length === 0) throw new BadInputError(`${fileName} is empty: ${EXPECTED}`)
  const bom = detectBom(bytes)
  if (bom === null && bytes.includes(0)) throw binaryError(fileName)
  const text = bom === null ? decodeUtf8OrLegacy(bytes) : new TextDecoder(bom).decode(bytes)
  if (looksBinary(text)) throw binaryError(fileName)
  const normalised = normaliseText(text)
  if (normalised.trim() === '') throw new BadInputError(`${fileName} is empty: ${EXPECTED}`)
  return normalised
}

/** Line endings, NBSP and zero-width characters differ per browser and would break matching. */
export function normaliseText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\u00A0/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '')
}

function detectBom(bytes: Uint8Array): Encoding | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8'
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

function decodeUtf8OrLegacy(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    // Not valid UTF-8: every byte sequence is valid windows-1252, so this cannot fail.
    return fixC1(new TextDecoder('windows-1252').decode(bytes))
  }
}

// Bytes 0x80-0x9F in windows-1252 order; \0 marks the five bytes the code page leaves unassigned.
const CP1252_HIGH = [...'€\0‚ƒ„…†‡ˆ‰Š‹Œ\0Ž\0\0‘’“”•–—˜™š›œ\0žŸ']

/**
 * Node 20's TextDecoder('windows-1252') decodes as ISO-8859-1, turning curly quotes and dashes
 * into C1 controls. Mapping them afterwards is a no-op where the decoder is correct.
 */
function fixC1(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => {
    const mapped = CP1252_HIGH[c.charCodeAt(0) - 0x80]
    return mapped === undefined || mapped === '\0' ? c : mapped
  })
}

/** NUL or a high share of C0 controls (other than tab, LF, FF, CR) means this is not text. */
function looksBinary(text: string): boolean {
  let controls = 0
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if (code === 0) return true
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0c && code !== 0x0d) {
      controls++
    }
  }
  return controls > 0 && controls / text.length > MAX_CONTROL_RATIO
}

function binaryError(fileName: string): BadInputError {
  return new BadInputError(
    `${fileName} looks like a binary file, not text: ${EXPECTED} saved as plain text`,
  )
}
