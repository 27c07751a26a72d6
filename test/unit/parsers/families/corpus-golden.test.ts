import { describe, expect, it } from 'vitest'
import { parseDump } from '../../../../electron/domain/parsers'
import { corpusPages } from '../../../score/corpus'
import { actualOf } from '../../../score/expected'

// Every corpus page parses to its golden file: the family, the format and every review field.
describe.each(corpusPages())('corpus $family/$name', ({ family, name, text, expected }) => {
  it('matches its golden file', () => {
    const result = parseDump(text, `${name}.txt`)
    // The best-effort families are all read by the one generic grammar.
    const reader = expected.format === 'generic-text' ? 'generic-records' : family
    expect(result.detection?.family).toBe(reader)
    expect(result.format).toBe(expected.format)
    expect(result.declaredCount).toBe(expected.declaredCount)
    expect(actualOf(result)).toEqual(expected.reviews)
  })
})
