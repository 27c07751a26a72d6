import { describe, it, expect } from 'vitest'
import { decodeDump } from '../../../electron/domain/parsers'
import { BadInputError } from '../../../electron/domain/errors'

const DANISH =
  'Anmeldelse: Søren Kjærsgaard og Bjørn Ågård så Pusher II på Østerbro. Märta Öberg från Göteborg tyckte att slutet var för långt. Åsa: "fin".'

/** Encodes text one byte per character, as Latin-1 and windows-1252 editors save it. */
function singleByte(text: string, extra: number[] = []): Uint8Array {
  return new Uint8Array([...[...text].map((c) => c.charCodeAt(0)), ...extra])
}

function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const start = bom ? 2 : 0
  const bytes = new Uint8Array(start + text.length * 2)
  const view = new DataView(bytes.buffer)
  if (bom) view.setUint16(0, 0xfeff, littleEndian)
  for (let i = 0; i < text.length; i++) {
    view.setUint16(start + i * 2, text.charCodeAt(i), littleEndian)
  }
  return bytes
}

describe('decodeDump: encodings', () => {
  it('reports UTF-8 and keeps Danish and Swedish letters', () => {
    expect(decodeDump(new TextEncoder().encode(DANISH), 'a.txt')).toEqual({
      text: DANISH,
      encoding: 'utf-8',
    })
  })

  it('detects ISO-8859-1 with chardet', () => {
    const decoded = decodeDump(singleByte(DANISH), 'latin1.txt')
    expect(decoded).toEqual({ text: DANISH, encoding: 'iso-8859-1' })
  })

  it('detects windows-1252 by its curly quotes and dashes', () => {
    const decoded = decodeDump(
      singleByte(DANISH, [0x20, 0x93, 0x6a, 0x61, 0x94, 0x20, 0x96]),
      'cp.txt',
    )
    expect(decoded.encoding).toBe('windows-1252')
    expect(decoded.text).toBe(`${DANISH} \u201cja\u201d \u2013`)
  })

  it('decodes UTF-16 LE and BE with a BOM and reports which', () => {
    expect(decodeDump(utf16(DANISH, true), 'le.txt')).toEqual({
      text: DANISH,
      encoding: 'utf-16le',
    })
    expect(decodeDump(utf16(DANISH, false), 'be.txt')).toEqual({
      text: DANISH,
      encoding: 'utf-16be',
    })
  })

  it('recognises UTF-16 saved without a BOM', () => {
    expect(decodeDump(utf16(DANISH, true, false), 'nobom.txt').encoding).toBe('utf-16le')
  })

  it('refuses UTF-16 cut in the middle of a character, naming the file', () => {
    const bytes = utf16(DANISH, true).subarray(0, 41)
    expect(() => decodeDump(bytes, 'cut.txt')).toThrow(BadInputError)
    expect(() => decodeDump(bytes, 'cut.txt')).toThrow(/^cut\.txt is cut off: it is UTF-16LE text/)
  })

  it('normalises CR line endings, NBSP and zero-width characters in every encoding', () => {
    const text = 'Søren\r8/10\u00a0\u200bok'
    expect(decodeDump(utf16(text, false), 'x.txt').text).toBe('Søren\n8/10 ok')
  })
})
