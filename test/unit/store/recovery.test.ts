import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { migrate } from '../../../electron/domain/store/migrations'
import { SCHEMA_VERSION } from '../../../electron/domain/store/schema'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { FIXTURE, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

async function libraryWithTag(now: () => Date): Promise<string> {
  const library = await openLibrary(dir, { now })
  await importPaths(library, [FIXTURE])
  const id = [...library.allReviews()][0]!.id
  await addTags(library, [id], ['keeper'])
  await library.close()
  return id
}

describe('recovery from a damaged file', () => {
  it('restores a damaged curation file from the newest backup and keeps the damaged copy', async () => {
    const id = await libraryWithTag(() => new Date('2026-01-01T00:00:00Z'))
    // The next day's first change takes a backup first: it holds the state before that change.
    const day2 = await openLibrary(dir, { now: () => new Date('2026-01-02T12:00:00Z') })
    expect(await readdir(dir)).not.toContain('backups') // opening alone writes nothing
    await addTags(day2, [id], ['second'])
    await day2.close()
    expect(await readdir(join(dir, 'backups'))).toHaveLength(1)

    const bucket = join(dir, 'curation', `${id.slice(3, 5)}.json`)
    await writeFile(bucket, '{"schemaVersion": 1, "items": {')
    const library = await openLibrary(dir, { now: () => new Date('2026-01-02T13:00:00Z') })
    expect(library.getCuration(id).tags).toEqual(['keeper'])
    expect(library.notices.join('\n')).toMatch(/damaged.*not valid JSON.*restored from the backup/s)
    await library.close()
    const kept = (await readdir(join(dir, 'curation'))).filter((n) => n.includes('.damaged-'))
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, 'curation', kept[0]!), 'utf8')).toBe(
      '{"schemaVersion": 1, "items": {',
    )
  })

  it('names the bad field of a file with the wrong shape', async () => {
    await libraryWithTag(() => new Date('2026-01-01T00:00:00Z'))
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ schemaVersion: 1, createdAt: 'x', imports: 3, tags: [] }),
    )
    const library = await openLibrary(dir)
    expect(library.notices[0]).toMatch(
      /library.json is damaged: field "imports": expected array, received number/,
    )
    expect(library.reviewCount).toBe(25) // review files are separate and still read
    await library.close()
  })
})

describe('migrations', () => {
  it('adopts the unversioned pre-release shape as version 1', () => {
    const { data, changed } = migrate({ items: {} }, 'curation', 'curation/00.json')
    expect(changed).toBe(true)
    expect(data.schemaVersion).toBe(SCHEMA_VERSION)
  })

  it('writes a migrated file back on open', async () => {
    await writeFile(
      join(dir, 'library.json'),
      JSON.stringify({ createdAt: 'then', imports: [], tags: [] }),
    )
    const library = await openLibrary(dir)
    await library.close()
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(
      SCHEMA_VERSION,
    )
  })

  it('rejects a schemaVersion that is not a whole number', () => {
    expect(() => migrate({ schemaVersion: 'one' }, 'library', 'library.json')).toThrow(
      /library.json: schemaVersion must be a whole number/,
    )
  })
})
