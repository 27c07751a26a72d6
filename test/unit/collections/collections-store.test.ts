import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createCollection } from '../../../electron/app/commands/curate'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { SCHEMA_VERSION } from '../../../electron/domain/store/schema'
import { steppingClock, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const base = { schemaVersion: SCHEMA_VERSION, createdAt: 'then', imports: [], tags: [] }

it('reads a library.json written before collections existed as having none, and adds one', async () => {
  await writeFile(join(dir, 'library.json'), JSON.stringify(base))
  const library = await openLibrary(dir, { now: steppingClock() })
  try {
    expect(library.collections).toEqual([])
    await createCollection(library, 'First')
    const stored = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
    expect(stored.collections).toEqual([expect.objectContaining({ id: 'co_1', name: 'First' })])
  } finally {
    await library.close()
  }
})

it('sets a collection of the wrong shape aside, naming it, and keeps the others', async () => {
  const good = {
    id: 'co_1',
    name: 'Good',
    reviewIds: [],
    createdAt: 'then',
    updatedAt: 'then',
  }
  const bad = { ...good, id: 'co_2', reviewIds: 'rv_0' }
  await writeFile(join(dir, 'library.json'), JSON.stringify({ ...base, collections: [good, bad] }))
  const library = await openLibrary(dir, { now: steppingClock() })
  try {
    expect(library.collections).toEqual([good])
    expect(library.notices.join('\n')).toMatch(/set aside \(collections\[1\]/)
  } finally {
    await library.close()
  }
})
