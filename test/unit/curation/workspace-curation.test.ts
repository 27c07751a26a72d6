import { anchoredCuration } from '../../../electron/domain/curation/anchored-curation'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import {
  addHighlight,
  removeHighlight,
  setBylineCorrection,
  setKept,
  toggleTag,
} from '../../../electron/app/commands/curate'
import { addTags } from '../../../electron/app/commands/curate'
import { resolveTargets } from '../../../electron/app/commands/curation-targets'
import { importPaths } from '../../../electron/app/import/run-import'
import { referenceLibrary } from '../support/reference-library'
import { steppingClock, FIXTURE } from '../support/temp-library'

let library: Library
let dir: string
let cleanup: () => Promise<void>
let ids: string[]

beforeEach(async () => {
  ;({ library, dir, ids, cleanup } = await referenceLibrary())
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('bulk targets', () => {
  it('resolves a query to the ids it matches, in order', async () => {
    await addTags(library, ids.slice(0, 3), ['acting'])
    expect(resolveTargets(library, { query: { tags: ['acting'] } })).toEqual(ids.slice(0, 3))
    expect(resolveTargets(library, { ids: [ids[4]!] })).toEqual([ids[4]])
    expect(() => resolveTargets(library, {})).toThrow(/ids or a query/)
  })
})

describe('keep and toggle-tag', () => {
  it('keeps reviews in one undo step and undoes it', async () => {
    expect(await setKept(library, ids.slice(0, 4), true)).toEqual({ changed: 4 })
    expect(ids.slice(0, 4).every((id) => library.getCuration(id).kept)).toBe(true)
    await library.history.undo()
    expect(ids.slice(0, 4).some((id) => library.getCuration(id).kept)).toBe(false)
  })

  it('adds a tag to all until all have it, then removes it from all', async () => {
    await addTags(library, [ids[0]!], ['theme/fatherhood'])
    const first = await toggleTag(library, ids.slice(0, 2), 'theme/fatherhood')
    expect(first).toEqual({ changed: 1, added: true })
    const second = await toggleTag(library, ids.slice(0, 2), 'THEME/fatherhood')
    expect(second).toEqual({ changed: 2, added: false })
    expect(library.getCuration(ids[0]!).tags).toEqual([])
  })
})

describe('highlights', () => {
  it('stores a passage with its quote, tag and comment, and removes it', async () => {
    const review = library.getReview(ids[0]!)!
    const quote = review.body.slice(10, 40)
    const curation = await addHighlight(library, review.id, {
      start: 10,
      end: 40,
      quote,
      tag: 'pull-quote',
      comment: '  for the essay ',
    })
    const [h] = curation.highlights
    expect(h).toMatchObject({
      start: 10,
      end: 40,
      quote,
      tag: 'pull-quote',
      comment: 'for the essay',
    })
    expect(library.tags.map((t) => t.name)).toContain('pull-quote')
    const after = await removeHighlight(library, review.id, h!.id)
    expect(after.highlights).toEqual([])
    await expect(removeHighlight(library, review.id, 'hl_nope')).rejects.toThrow(/no highlight/)
  })

  it('refuses a passage that is not in the text and changes nothing', async () => {
    const steps = library.history.entries().length
    await expect(
      addHighlight(library, ids[0]!, { start: 0, end: 5, quote: 'not in this review at all' }),
    ).rejects.toThrow(/not in the text/)
    expect(library.getCuration(ids[0]!).highlights).toEqual([])
    expect(library.history.entries()).toHaveLength(steps)
  })

  it('survives a re-import of the same text, re-anchored by its quote', async () => {
    const review = library.getReview(ids[1]!)!
    const start = review.body.length - 30
    const quote = review.body.slice(start)
    await addHighlight(library, review.id, { start, end: review.body.length, quote })
    await importPaths(library, [FIXTURE])
    await library.close()
    library = await openLibrary(dir, { now: steppingClock() })
    const [h] = anchoredCuration(library, review.id).highlights
    expect(library.getReview(review.id)!.body.slice(h!.start, h!.end)).toBe(quote)
  })
})

describe('byline correction', () => {
  it('saves the chosen split, can be cleared, and checks the date', async () => {
    const ambiguous = [...library.allReviews()].find((r) => r.bylineAmbiguous)!
    const alt = ambiguous.bylineAlternatives[1] ?? ambiguous.bylineAlternatives[0]!
    const saved = await setBylineCorrection(library, ambiguous.id, alt)
    expect(saved.bylineCorrection).toEqual(alt)
    await expect(
      setBylineCorrection(library, ambiguous.id, { author: 'x', date: '2006-02-31x' }),
    ).rejects.toThrow(/date like 2006-03-11/)
    expect((await setBylineCorrection(library, ambiguous.id, null)).bylineCorrection).toBeNull()
  })
})
