import { describe, expect, it } from 'vitest'
import { anchorQuote } from '../../../shared/highlight-anchor'

const BODY =
  'Tonni is out of jail. He wants respect.\n\nHis father gives him none. He wants respect.'

describe('anchorQuote', () => {
  it('keeps the stored offsets while they still hold the quote', () => {
    const start = BODY.indexOf('His father')
    expect(anchorQuote(BODY, 'His father', start, start + 10)).toEqual({ start, end: start + 10 })
  })

  it('follows the quote when text was inserted before it', () => {
    const start = BODY.indexOf('His father')
    const edited = `A new first line.\n\n${BODY}`
    const anchor = anchorQuote(edited, 'His father', start, start + 10)
    expect(anchor).not.toBeNull()
    expect(edited.slice(anchor!.start, anchor!.end)).toBe('His father')
  })

  it('picks the occurrence nearest to the old offsets when the quote repeats', () => {
    const second = BODY.lastIndexOf('He wants respect.')
    const edited = BODY.replace('Tonni', 'Tonny Tonni')
    const anchor = anchorQuote(edited, 'He wants respect.', second, second + 17)
    expect(anchor!.start).toBe(edited.lastIndexOf('He wants respect.'))
  })

  it('re-anchors across changed whitespace and line breaks', () => {
    const quote = 'jail. He wants'
    const edited = BODY.replace('jail. He', 'jail.\n  He')
    const anchor = anchorQuote(edited, quote, 0, quote.length)
    expect(anchor).not.toBeNull()
    expect(edited.slice(anchor!.start, anchor!.end)).toBe('jail.\n  He wants')
  })

  it('says null when the passage is gone', () => {
    expect(anchorQuote(BODY, 'Milo the drug lord', 3, 20)).toBeNull()
    expect(anchorQuote(BODY, '', 0, 0)).toBeNull()
  })
})
