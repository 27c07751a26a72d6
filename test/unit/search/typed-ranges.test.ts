import { describe, expect, it } from 'vitest'
import { typedRange } from '../../../renderer/src/typed-ranges'

describe('typedRange: what the rating dropdowns show for a typed query', () => {
  it('reads one plain rating or mine clause as whole-number bounds', () => {
    expect(typedRange('rating:10', 'rating')).toEqual({ min: 10, max: 10 })
    expect(typedRange('refn rating:>8', 'rating')).toEqual({ min: 9, max: undefined })
    expect(typedRange('mine:3..5', 'mine')).toEqual({ min: 3, max: 5 })
    expect(typedRange('rating:<4', 'rating')).toEqual({ min: undefined, max: 3 })
  })
  it('shows nothing for a negated, repeated, missing or unparsable clause', () => {
    expect(typedRange('-rating:10', 'rating')).toBeNull()
    expect(typedRange('rating:>2 rating:<9', 'rating')).toBeNull()
    expect(typedRange('mine:7', 'rating')).toBeNull()
    expect(typedRange('rating:', 'rating')).toBeNull()
  })
})
