import { describe, expect, it } from 'vitest'
import type { ReviewRow } from '../../../shared/contract'
import {
  toggledTag,
  withKept,
  withMyRating,
  withoutTag,
  withTag,
} from '../../../renderer/src/data/anticipate'
import { replaceRows } from '../../../renderer/src/data/row-patch'

const row = (id: string, tags: string[] = []): ReviewRow => ({
  id,
  workId: 'w1',
  workTitle: 'A film',
  rating: 5,
  myRating: null,
  title: `Headline ${id}`,
  author: 'someone',
  date: null,
  helpful: null,
  spoiler: false,
  tags,
  hasNote: false,
  kept: false,
  reviewed: false,
  hasHighlights: false,
  bylineCorrected: false,
})

describe('edits shown on the rows before main commits them', () => {
  it('sets my rating and the keep star as the commands do', () => {
    expect(withMyRating(7)([row('a')], true)!(row('a')).myRating).toBe(7)
    expect(withMyRating(null)([row('a')], true)!({ ...row('a'), myRating: 3 }).myRating).toBeNull()
    expect(withKept(true)([row('a')], true)!(row('a')).kept).toBe(true)
  })

  it('adds a tag once and removes it whatever its case', () => {
    expect(withTag('Theme')([], true)!(row('a', ['x'])).tags).toEqual(['x', 'Theme'])
    expect(withTag('Theme')([], true)!(row('a', ['theme'])).tags).toEqual(['theme'])
    expect(withoutTag('Theme')([], true)!(row('a', ['THEME', 'x'])).tags).toEqual(['x'])
  })

  it('toggles to add when any target lacks the tag, held or not all held', () => {
    const rows = [row('a', ['t']), row('b')]
    expect(toggledTag('t')(rows, false)!(row('a', ['t'])).tags).toEqual(['t'])
    expect(toggledTag('t')(rows, false)!(row('b')).tags).toEqual(['t'])
  })

  it('toggles to remove only when every target is held and has the tag', () => {
    const rows = [row('a', ['t']), row('b', ['T'])]
    expect(toggledTag('t')(rows, true)!(row('b', ['T'])).tags).toEqual([])
    // Targets the list does not hold may lack it: then main adds, so nothing is shown.
    expect(toggledTag('t')(rows, false)).toBeNull()
    expect(toggledTag('t')([], true)).toBeNull()
  })
})

describe('replacing rows by id in a held page', () => {
  it('replaces only the named rows, in place', () => {
    const page = [row('a'), row('b'), row('c')]
    const fresh = new Map([['b', { ...row('b'), kept: true }]])
    const next = replaceRows(page, fresh)!
    expect(next.map((r) => [r.id, r.kept])).toEqual([
      ['a', false],
      ['b', true],
      ['c', false],
    ])
    expect(page[1]!.kept).toBe(false)
  })

  it('answers null for a page holding none of them', () => {
    expect(replaceRows([row('a')], new Map([['z', row('z')]]))).toBeNull()
  })
})
