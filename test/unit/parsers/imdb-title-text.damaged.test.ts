import { describe, it, expect } from 'vitest'
import { parseImdbTitleText } from '../../../electron/domain/parsers/imdb/title-text'
import { HEADER, VOTE, first, page, reviewLines, second } from './imdb-page'

describe('parseImdbTitleText: damaged copies', () => {
  it('keeps a review cut off by the end of the copy as truncated', () => {
    const cut = { ...second, body: ['The copy stops in the middle of'], helpful: null }
    const result = parseImdbTitleText(page([first, cut], HEADER, []))
    expect(result.reviews).toHaveLength(2)
    expect(result.reviews[1]).toMatchObject({
      truncated: true,
      helpful: null,
      body: 'The copy stops in the middle of',
    })
    expect(result.reviews[0]?.truncated).toBe(false)
    expect(result.warnings.map((w) => w.code)).toContain('truncated-review')
  })

  it('does not put the footer into a truncated last review', () => {
    const cut = { ...second, helpful: null }
    const result = parseImdbTitleText(page([first, cut]))
    expect(result.reviews[1]).toMatchObject({ truncated: true, body: second.body[0] })
    expect(result.fragments).toEqual([])
  })

  it('keeps the footer out of the last review', () => {
    const result = parseImdbTitleText(page([first, second]))
    expect(result.reviews[1]?.body).toBe(second.body[0])
    expect(result.fragments).toEqual([])
    expect(result.warnings.map((w) => w.code)).toEqual(['ambiguous-byline'])
  })

  it('keeps an unparseable block as a fragment with its line, and reads the rest', () => {
    const broken = ['7/10', 'Headline without a byline', 'Some text.', '', 'More text.']
    const brokenEnd = ['2 out of 3 found this helpful.' + VOTE, 'Permalink']
    const text = [
      ...HEADER,
      ...reviewLines(first),
      ...broken,
      ...brokenEnd,
      ...reviewLines(second),
    ].join('\n')
    const line = HEADER.length + reviewLines(first).length + 1
    const result = parseImdbTitleText(text)
    expect(result.reviews.map((r) => r.title)).toEqual([first.title, second.title])
    expect(result.fragments).toEqual([
      { line, text: [...broken, '2 out of 3 found this helpful.' + VOTE].join('\n') },
    ])
    expect(result.warnings).toContainEqual(
      expect.objectContaining({ code: 'unparsed-fragment', line }),
    )
  })

  it('keeps the tail of a review cut at the start of the copy as a fragment', () => {
    const text = ['end of a review we never saw.', '5 out of 6 found this helpful.', 'Permalink']
    const result = parseImdbTitleText([...text, ...reviewLines(first)].join('\n'))
    expect(result.fragments).toEqual([{ line: 1, text: text.slice(0, 2).join('\n') }])
    expect(result.reviews).toHaveLength(1)
  })

  it('keeps unknown text after the last review as a fragment', () => {
    const result = parseImdbTitleText(page([first], HEADER, ['', 'Something odd', 'here']))
    expect(result.fragments).toEqual([
      { line: HEADER.length + reviewLines(first).length + 2, text: 'Something odd\nhere' },
    ])
  })

  it('warns when a rated review start appears inside a body', () => {
    const merged = { ...first, helpful: null }
    const result = parseImdbTitleText(page([merged, second]))
    expect(result.reviews).toHaveLength(1)
    expect(result.warnings).toContainEqual(
      expect.objectContaining({
        code: 'possible-merged-review',
        line: HEADER.length + reviewLines(merged).length + 1,
      }),
    )
  })
})
