import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import {
  addTags,
  createTag,
  deleteTag,
  renameTag,
  setTagKey,
} from '../../../electron/app/commands/curate'
import { orderedTags } from '../../../renderer/src/tag-tree'
import { sidebarOrder, tagKeyMap } from '../../../shared/tag-keys'
import { referenceLibrary } from '../support/reference-library'
import { steppingClock } from '../support/temp-library'

// Keys 1–9 pinned to tags (issue 13, point 7): stable when tags are created or renamed, set by
// hand, and for a library from before pins, the keys its user had, pinned on the first change.
let library: Library
let dir: string
let cleanup: () => Promise<void>
let ids: string[]
const keys = () => Object.fromEntries(tagKeyMap(library.tags))

beforeEach(async () => {
  ;({ library, dir, ids, cleanup } = await referenceLibrary())
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

describe('pinned tag keys', () => {
  it('gives each new tag the lowest free key and never moves another', async () => {
    await addTags(library, [ids[0]!], ['zeal', 'pacing'])
    expect(keys()).toEqual({ zeal: 1, pacing: 2 })
    await createTag(library, 'acting')
    expect(keys()).toEqual({ zeal: 1, pacing: 2, acting: 3 })
    await deleteTag(library, 'zeal')
    await addTags(library, [ids[1]!], ['mood/bleak'])
    expect(keys()).toEqual({ pacing: 2, acting: 3, 'mood/bleak': 1 })
    await renameTag(library, 'acting', 'performance')
    expect(keys()).toEqual({ pacing: 2, performance: 3, 'mood/bleak': 1 })
  })

  it('pins a key by hand, taking it from the tag that had it, in one undo step', async () => {
    await addTags(library, [ids[0]!], ['zeal', 'pacing'])
    await setTagKey(library, 'pacing', 1)
    expect(keys()).toEqual({ pacing: 1 })
    expect(library.history.state().entries[0]?.label).toBe('Pin key 1 to tag pacing')
    await library.history.undo()
    expect(keys()).toEqual({ zeal: 1, pacing: 2 })
    await setTagKey(library, 'zeal', null)
    expect(keys()).toEqual({ pacing: 2 })
    await expect(setTagKey(library, 'nope', 3)).rejects.toThrow(/nope/)
  })

  it('keeps the keys of a library from before pins, then pins them on the first change', async () => {
    await addTags(library, [ids[0]!], ['zeal', 'theme/fatherhood', 'acting', 'theme'])
    await library.close()
    // An older library.json: the same tags without keys.
    const file = join(dir, 'library.json')
    const meta = JSON.parse(await readFile(file, 'utf8')) as { tags: { key?: number }[] }
    for (const tag of meta.tags) delete tag.key
    await writeFile(file, JSON.stringify(meta, null, 2))
    library = await openLibrary(dir, { now: steppingClock() })
    const before = { acting: 1, theme: 2, 'theme/fatherhood': 3, zeal: 4 }
    expect(keys()).toEqual(before)
    await createTag(library, 'aaa')
    expect(keys()).toEqual({ ...before, aaa: 5 })
    expect(library.tags.every((t) => t.key !== undefined)).toBe(true)
  })

  it('derives older keys in the order the sidebar shows the tags', () => {
    const tags = ['b', 'a/z', 'a', 'a-b', 'A/b', 'theme/x', 'theme', 'théâtre'].map((name) => ({
      name,
      color: '#000000',
      count: 0,
    }))
    expect(sidebarOrder(tags).map((t) => t.name)).toEqual(orderedTags(tags).map((t) => t.name))
  })
})
