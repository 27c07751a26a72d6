import { describe, expect, it } from 'vitest'
import { FORMAT_IDS, IMPORT_FORMATS, isConfidentFormat } from '../../../shared/formats'
import type { FormatId } from '../../../shared/domain'
import { parseDump } from '../../../electron/domain/parsers'

describe('the import format registry', () => {
  it('refuses a format it does not know instead of guessing with the IMDb parser', () => {
    expect(() =>
      parseDump('8/10\nA headline\n', 'page.txt', { format: 'xml' as FormatId }),
    ).toThrow(/page\.txt: unknown import format "xml"/)
  })

  it.each(FORMAT_IDS)('gives %s a parser', (format) => {
    let message = ''
    try {
      parseDump('nothing here\n', 'x.txt', { format })
    } catch (e) {
      message = (e as Error).message
    }
    expect(message).not.toMatch(/unknown import format/)
  })

  it('lists each format once, with a label and the extensions the Open dialog offers', () => {
    expect(new Set(FORMAT_IDS).size).toBe(IMPORT_FORMATS.length)
    for (const f of IMPORT_FORMATS) {
      expect(f.label.length).toBeGreaterThan(2)
      expect(f.extensions.length).toBeGreaterThan(0)
    }
    expect(isConfidentFormat('generic-text')).toBe(false)
    expect(isConfidentFormat('imdb-title-reviews-text')).toBe(true)
    expect(isConfidentFormat(null)).toBe(false)
  })
})
