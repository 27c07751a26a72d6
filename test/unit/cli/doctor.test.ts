import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { commitImport } from '../../../electron/app/import/apply-import'
import { parsedFile, parsedReview } from '../import/support'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const lib = () => join(dir, 'lib')
const cli = (...argv: string[]) => runCliCaptured([...argv, '--library', lib()], join(dir, 'home'))

describe('review-curator doctor', () => {
  it('reports a healthy library as fine', async () => {
    await cli('import', FIXTURE)
    const { code, out } = await cli('doctor')
    expect(code).toBe(0)
    expect(out).toMatch(/The library is fine/)
  })

  it('moves a backup that would not restore out of the way, and says so', async () => {
    const day1 = await openLibrary(lib(), { now: () => new Date('2026-01-01T12:00:00Z') })
    await day1.saveMeta(() => undefined) // library.json exists: the next day's change backs it up
    await day1.close()
    await cli('import', FIXTURE) // today's first change: a backup of day 1
    const [snapshot] = await readdir(join(lib(), 'backups'))
    await writeFile(join(lib(), 'backups', snapshot!, 'library.json'), '')
    const { code, out } = await cli('doctor')
    expect(code).toBe(0)
    expect(out).toMatch(new RegExp(`repaired: The backup ${snapshot} would not restore`))
    expect(await readdir(join(lib(), 'backups'))).toEqual([`.damaged-${snapshot}`])
  })

  it('names unreadable kept text of an import and works without an import record', async () => {
    const library = await openLibrary(lib())
    await commitImport(library, [
      parsedFile('a.txt', [parsedReview()], undefined, {
        fragments: [{ line: 3, text: 'not a review' }],
      }),
    ])
    await library.close()
    const [fragments] = await readdir(join(lib(), 'imports'))
    await writeFile(join(lib(), 'imports', fragments!), '{"schemaVersion": 1, "fragm')
    const meta = JSON.parse(await readFile(join(lib(), 'library.json'), 'utf8'))
    const damaged = { ...meta, imports: meta.imports.map((i: object) => ({ ...i, workIds: [] })) }
    await writeFile(join(lib(), 'library.json'), JSON.stringify(damaged, null, 2))

    const { code, out } = await cli('doctor')
    expect(code).toBe(1)
    expect(out).toMatch(
      new RegExp(
        `problem: The unparsed text of a.txt .*imports/${fragments} is damaged: not valid JSON`,
      ),
    )
    expect(out).toMatch(/note: Pusher II has reviews but no import record/)
  })

  it('a read command on a folder that does not exist says so instead of creating a library', async () => {
    const { code, err } = await cli('reviews')
    expect(code).toBe(2)
    expect(err).toContain(`reviews: there is no library at ${lib()}`)
    await expect(readdir(lib())).rejects.toThrow()
  })
})
