import { describe, expect, it } from 'vitest'
import {
  appendAscending,
  ByteWriter,
  countPostings,
  decodeList,
  markList,
  mergeListSets,
  type ListSet,
} from '../../../electron/domain/search/posting-lists'

/** A list set of `lists` (ascending ordinals each), under `keys` or dense. */
function listSet(lists: number[][], keys: number[] | null = null): ListSet {
  const w = new ByteWriter()
  const offsets = new Uint32Array(lists.length + 1)
  lists.forEach((list, i) => {
    offsets[i] = w.length
    appendAscending(w, list, 0, list.length)
  })
  offsets[lists.length] = w.length
  return { keys: keys && Uint32Array.from(keys), offsets, bytes: w.finish() }
}

const listsOf = (s: ListSet) =>
  Array.from({ length: s.offsets.length - 1 }, (_, i) =>
    decodeList(s.bytes, s.offsets[i]!, s.offsets[i + 1]!),
  )

describe('posting lists (delta varints)', () => {
  it('reads back every list, gaps of one to five bytes included', () => {
    const lists = [
      [0],
      [0, 1, 2, 127, 128, 16_511, 16_512, 2_097_279, 300_000_000],
      [],
      [5, 2 ** 31 - 1],
    ]
    const s = listSet(lists)
    expect(listsOf(s)).toEqual(lists)
    expect(countPostings(s.bytes)).toBe(12)
    // Small gaps take one byte each: the point of the encoding.
    expect(listSet([[1, 2, 3, 4, 100]]).bytes.length).toBe(5)
  })

  it('marks only the listed ordinals whose mark is the expected one', () => {
    const s = listSet([[1, 3, 200, 70_000]])
    const marks = new Uint8Array(70_001)
    marks[3] = 2
    markList(s.bytes, s.offsets[0]!, s.offsets[1]!, marks, 0, 1)
    expect([marks[1], marks[3], marks[200], marks[70_000], marks[0], marks[2]]).toEqual([
      1, 2, 1, 1, 0, 0,
    ])
  })

  it('merges sets covering consecutive ordinal ranges into one list per key', () => {
    const a = listSet([[0, 4], [2]], [3, 9])
    const b = listSet([[10, 12], [11], [15, 300]], [1, 3, 9])
    const merged = mergeListSets([a, b])
    expect(Array.from(merged.keys!)).toEqual([1, 3, 9])
    expect(listsOf(merged)).toEqual([
      [10, 12],
      [0, 4, 11],
      [2, 15, 300],
    ])
    const dense = mergeListSets([listSet([[0], [1]]), listSet([[5], [], [7]])])
    expect(dense.keys).toBeNull()
    expect(listsOf(dense)).toEqual([[0, 5], [1], [7]])
  })
})
