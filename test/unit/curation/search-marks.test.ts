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

  it('marks plain ASCII text (folded in one call) as it marks text that needs folding', () => {
    const text = 'The CAMERA, the camera-work; recamera'
    const ranges = matchRanges(text, ['camera', 'the camera'])
    expect(ranges).toEqual([
      { start: 0, end: 10 },
      { start: 4, end: 10 },
      { start: 12, end: 22 },
      { start: 16, end: 22 },
    ])
    // One accent takes the slow path; é folds to e, so the marks are the same.
    const accented = 'Thé CAMERA, the camera-work; recamera'
    expect(matchRanges(accented, ['camera', 'the camera'])).toEqual(ranges)
  })
})
