import { describe, it, expect } from 'vitest'
import { decodeDump as decodeWithEncoding } from '../../../electron/domain/parsers'
import { BadInputError } from '../../../electron/domain/errors'

const decodeDump = (bytes: Uint8Array, fileName: string): string =>
  decodeWithEncoding(bytes, fileName).text
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

function utf16(text: string, littleEndian: boolean): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2)
  const view = new DataView(bytes.buffer)
  view.setUint16(0, 0xfeff, littleEndian)
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian)
  return bytes
}

function rejection(bytes: Uint8Array, fileName: string): BadInputError {
  try {
    decodeDump(bytes, fileName)
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError)
    return error as BadInputError
  }
  throw new Error('decodeDump accepted the input')
}

describe('decodeDump', () => {
  it('decodes UTF-8 without a BOM', () => {
    expect(decodeDump(utf8('Anne Sørensen\n8/10'), 'a.txt')).toBe('Anne Sørensen\n8/10')
  })

  it('drops the UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8('Sørensen')])
    expect(decodeDump(bytes, 'a.txt')).toBe('Sørensen')
  })

  it('decodes UTF-16 LE and BE with a BOM', () => {
    expect(decodeDump(utf16('Drasbæk\r\n9/10', true), 'le.txt')).toBe('Drasbæk\n9/10')
    expect(decodeDump(utf16('Drasbæk\r\n9/10', false), 'be.txt')).toBe('Drasbæk\n9/10')
  })

  it('falls back to windows-1252 when the bytes are not UTF-8', () => {
    // "Sørensen" and a curly quote as a Western Windows editor saves them.
    const bytes = new Uint8Array([
      0x53, 0xf8, 0x72, 0x65, 0x6e, 0x73, 0x65, 0x6e, 0x20, 0x93, 0x78, 0x94,
    ])
    expect(decodeDump(bytes, 'old.txt')).toBe('Sørensen \u201cx\u201d')
  })

  it('normalises line endings, NBSP and zero-width characters', () => {
    const text = 'a\r\nb\rc\u00a0d\u200be\u200cf\u200dg\u2060h\ufeffi\n'
    expect(decodeDump(utf8(text), 'a.txt')).toBe('a\nb\nc defghi\n')
  })

  it('rejects an empty file, naming it', () => {
    expect(rejection(new Uint8Array(), 'empty.txt').message).toBe(
      'empty.txt is empty: expected a copy of a review page',
    )
    expect(rejection(utf8('\ufeff \r\n\n'), 'blank.txt').message).toMatch(/^blank\.txt is empty: /)
  })

  it('rejects binary files, naming them', () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d])
    expect(rejection(png, 'poster.png').message).toMatch(
      /^poster\.png looks like a binary file, not text: expected /,
    )
    const controls = new Uint8Array(200).map((_, i) => (i % 4 === 0 ? 0x01 : 0x41))
    expect(rejection(controls, 'x.bin').message).toMatch(/^x\.bin looks like a binary file/)
  })

  it('accepts the occasional control character in real text', () => {
    expect(decodeDump(utf8(`${'text '.repeat(40)}\u0007bell`), 'a.txt')).toContain('\u0007bell')
  })

  it('checks UTF-16 text for binary content after decoding', () => {
    const bytes = utf16('ab\u0000cd', true)
    expect(rejection(bytes, 'nul16.txt').message).toMatch(/^nul16\.txt looks like a binary file/)
  })
})
