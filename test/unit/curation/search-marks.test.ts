import { describe, expect, it } from 'vitest'
import { matchRanges, searchTerms } from '../../../renderer/src/search-marks'

describe('search marks', () => {
  it('takes the positive free-text words and phrases of a typed query, folded', () => {
    expect(searchTerms('Sørensen rating:>=8 -boring "Once Were"')).toEqual([
      'sorensen',
      'once were',
    ])
    expect(searchTerms('rating:>>')).toEqual([])
    expect(searchTerms(undefined)).toEqual([])
  })

  it('marks folded word prefixes in the original text', () => {
    const text = 'Anne Sørensen and Drasbæk, not unsorensen'
    const ranges = matchRanges(text, ['soren', 'drasbaek'])
    expect(ranges.map((r) => text.slice(r.start, r.end))).toEqual(['Søren', 'Drasbæk'])
  })
})
