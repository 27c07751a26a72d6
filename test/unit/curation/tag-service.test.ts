import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addHighlight } from '../../../electron/app/commands/curate'
import { addTags } from '../../../electron/app/commands/curate'
import {
  createTag,
  deleteTag,
  mergeTags,
  recolorTag,
  renameTag,
} from '../../../electron/app/commands/curate'
import { referenceLibrary } from '../support/reference-library'
import { steppingClock } from '../support/temp-library'

let library: Library
let dir: string
let cleanup: () => Promise<void>
let ids: string[]
const tagsOf = (i: number) => library.getCuration(ids[i]!).tags
const names = () => library.tags.map((t) => t.name)

beforeEach(async () => {
  ;({ library, dir, ids, cleanup } = await referenceLibrary())
  await addTags(library, ids.slice(0, 3), ['theme', 'theme/fatherhood'])
  await addTags(library, ids.slice(2, 5), ['acting', 'Performance'])
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('tag service', () => {
  it('creates a tag with a colour and refuses a duplicate or a bad hierarchy', async () => {
    const { tags } = await createTag(library, 'mood/bleak', '#112233')
    expect(tags.find((t) => t.name === 'mood/bleak')?.color).toBe('#112233')
    await expect(createTag(library, 'ACTING')).rejects.toThrow(/already exists/)
    await expect(createTag(library, 'theme//x')).rejects.toThrow(/separates levels/)
  })

  it('renames a tag with its children on every review, as one undo step', async () => {
    const result = await renameTag(library, 'theme', 'motif')
    expect(result.changed).toBe(3)
    expect(tagsOf(0)).toEqual(['motif', 'motif/fatherhood'])
    expect(names()).toEqual(expect.arrayContaining(['motif', 'motif/fatherhood']))
    expect(names()).not.toContain('theme')
    expect(library.history.entries()[0]).toMatchObject({
      kind: 'tags',
      label: 'Rename tag theme to motif',
    })
    await library.history.undo()
    expect(tagsOf(0)).toEqual(['theme', 'theme/fatherhood'])
    expect(names()).toContain('theme/fatherhood')
    await library.history.redo()
    expect(tagsOf(1)).toEqual(['motif', 'motif/fatherhood'])
  })

  it('refuses renaming onto an existing tag, pointing at merge', async () => {
    await expect(renameTag(library, 'acting', 'performance')).rejects.toThrow(/merge/)
    expect(tagsOf(2)).toEqual(['theme', 'theme/fatherhood', 'acting', 'Performance'])
  })

  it('merges one tag into another without duplicating it on a review', async () => {
    const result = await mergeTags(library, 'acting', 'performance')
    expect(result.changed).toBe(3)
    expect(tagsOf(2)).toEqual(['theme', 'theme/fatherhood', 'Performance'])
    expect(names()).not.toContain('acting')
    await library.history.undo()
    expect(tagsOf(3)).toEqual(['acting', 'Performance'])
    expect(names()).toContain('acting')
  })

  it('deletes a tag from every review and the library, and undo brings it back', async () => {
    const colour = library.tags.find((t) => t.name === 'acting')!.color
    await deleteTag(library, 'acting')
    expect(tagsOf(3)).toEqual(['Performance'])
    expect(names()).not.toContain('acting')
    await library.history.undo()
    expect(tagsOf(3)).toEqual(['acting', 'Performance'])
    expect(library.tags.find((t) => t.name === 'acting')?.color).toBe(colour)
  })

  it('recolours, persisted across a reopen', async () => {
    await recolorTag(library, 'acting', '#abcdef')
    await library.close()
    library = await openLibrary(dir, { now: steppingClock() })
    expect(library.tags.find((t) => t.name === 'acting')?.color).toBe('#abcdef')
  })

  it('renames and deletes the tag of a highlight too', async () => {
    const body = library.getReview(ids[0]!)!.body
    await addHighlight(library, ids[0]!, {
      start: 0,
      end: 12,
      quote: body.slice(0, 12),
      tag: 'acting',
    })
    await renameTag(library, 'acting', 'craft')
    expect(library.getCuration(ids[0]!).highlights[0]!.tag).toBe('craft')
    await deleteTag(library, 'craft')
    expect(library.getCuration(ids[0]!).highlights[0]!.tag).toBeNull()
    await library.history.undo()
    expect(library.getCuration(ids[0]!).highlights[0]!.tag).toBe('craft')
  })

  it('names the missing tag', async () => {
    await expect(deleteTag(library, 'nope')).rejects.toThrow('There is no tag "nope"')
  })
})
