import { describe, expect, it } from 'vitest'
import { decodeDump, decodeDumpSteps } from '../../../electron/domain/parsers'
import { runSteps } from '../../../electron/domain/parsers/parse-util'

const TEXT =
  'Søren Kjærsgaard\r\n8/10\r\n“Blod på hænderne” — 😀 ok\r\rend\u2028x\u00a0y\u200bz\r\n'.repeat(9)

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0xfeff, littleEndian)
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian)
  return bytes
}

/** windows-1252 bytes for the characters it has (curly quotes, dashes at 0x80-0x9F). */
function cp1252(text: string): Uint8Array {
  const high: Record<string, number> = { '“': 0x93, '”': 0x94, '—': 0x97 }
  return new Uint8Array([...text].map((c) => high[c] ?? c.charCodeAt(0)))
}

const INPUTS: [string, Uint8Array][] = [
  ['utf-8', new TextEncoder().encode(TEXT)],
  ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(TEXT)])],
  ['utf-16le', utf16(TEXT, true)],
  ['utf-16be', utf16(TEXT, false)],
  ['windows-1252', cp1252(TEXT.replace(/😀|\u2028|\u200b/g, ''))],
]

describe('decodeDumpSteps', () => {
  it('gives the same text and encoding whatever the slice size', () => {
    for (const [name, bytes] of INPUTS) {
      const whole = runSteps(decodeDumpSteps(bytes, `${name}.txt`, bytes.length))
      expect(whole.text, name).not.toMatch(/\r|\u00a0|\u200b/)
      // Slice edges fall inside CRLF pairs, multibyte characters and surrogate pairs.
      for (const size of [4, 5, 6, 7, 8, 13, 64]) {
        expect(runSteps(decodeDumpSteps(bytes, `${name}.txt`, size)), `${name} by ${size}`).toEqual(
          whole,
        )
      }
      expect(decodeDump(bytes, `${name}.txt`)).toEqual(whole)
    }
  })

  it('reports progress in bytes, one step per slice', () => {
    const bytes = new TextEncoder().encode(TEXT)
    const steps = decodeDumpSteps(bytes, 'a.txt', 100)
    const done: number[] = []
    for (let next = steps.next(); next.done !== true; next = steps.next()) {
      expect(next.value.total).toBe(bytes.length)
      done.push(next.value.done)
    }
    expect(done.length).toBe(Math.ceil(bytes.length / 100))
    expect(done.at(-1)).toBe(bytes.length)
  })

  it('reads bytes that stop being UTF-8 late in the file as the legacy code page', () => {
    const bytes = new Uint8Array([
      ...new TextEncoder().encode('8/10 fine\n'.repeat(50)),
      0xf8,
      0x0a,
    ])
    const decoded = runSteps(decodeDumpSteps(bytes, 'late.txt', 16))
    expect(decoded.encoding).not.toBe('utf-8')
    expect(decoded.text.endsWith('ø\n')).toBe(true)
  })
})
