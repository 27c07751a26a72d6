import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addHighlight, addTags, createTag, saveView } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { FIXTURE, tempDir } from '../support/temp-library'
import { runCliCaptured } from '../support/run-cli'

// library.json lost with no backup that reads: the library is rebuilt from the review and
// curation files, and the user is told exactly what only library.json held.

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const day =
  (d: number, h = 12) =>
  () =>
    new Date(Date.UTC(2026, 0, d, h))

/** A library with one import, tags (one recoloured), a highlight tag and a saved view. */
async function curatedLibrary(now = day(1)): Promise<string[]> {
  const library = await openLibrary(dir, { now })
  await importPaths(library, [FIXTURE])
  const ids = [...library.allReviews()].map((r) => r.id)
  await createTag(library, 'theme/fatherhood', '#123456')
  await addTags(library, [ids[0]!, ids[1]!], ['keeper', 'theme/fatherhood'])
  const body = library.getReview(ids[2]!)!.body
  await addHighlight(library, ids[2]!, { start: 0, end: 5, quote: body.slice(0, 5), tag: 'quote' })
  await saveView(library, 'Keepers', { tags: ['keeper'] })
  await library.close()
  return ids
}

async function damaged(): Promise<string[]> {
  return (await readdir(dir)).filter((n) => n.startsWith('library.json.damaged-'))
}

describe('rebuilding library.json when no backup reads', () => {
  it('recovers the imports and tags from the remaining files and names what was lost', async () => {
    const ids = await curatedLibrary()
    await rm(join(dir, 'backups'), { recursive: true, force: true })
    await writeFile(join(dir, 'library.json'), '{"schemaVersion": 1, "imports": [')

    const library = await openLibrary(dir, { now: day(2) })
    expect(library.reviewCount).toBe(25)
    expect(library.getCuration(ids[0]!).tags).toEqual(['keeper', 'theme/fatherhood'])
    expect(library.tags.map((t) => t.name)).toEqual(['keeper', 'quote', 'theme/fatherhood'])
    // The colour chosen by hand is gone; the tag gets the colour a new tag would get.
    expect(library.tags.find((t) => t.name === 'theme/fatherhood')?.color).not.toBe('#123456')
    expect(library.imports).toHaveLength(1)
    const [record] = library.imports
    expect(record!.workIds).toEqual(library.allWorks().map((w) => w.id))
    expect(record!.found).toBe(25)
    expect(library.views).toEqual([])
    const notices = library.notices.join('\n')
    expect(notices).toMatch(/library\.json is damaged: not valid JSON/)
    expect(notices).toMatch(/no backup held a readable copy, so it is rebuilt/)
    expect(notices).toMatch(/1 work, 1 import and 3 tags recovered/)
    expect(notices).toMatch(
      /Could not be recovered: tag colours \(the 3 tags got new ones\); saved views; export settings and presets/,
    )
    expect(await damaged()).toHaveLength(1)
    await library.close()

    // The rebuilt file is on disk: the next open is clean, takes an edit, and keeps it.
    const again = await openLibrary(dir, { now: day(2, 13) })
    expect(again.notices).toEqual([])
    expect(again.tags).toHaveLength(3)
    await addTags(again, [ids[5]!], ['after'])
    await again.close()
    const third = await openLibrary(dir, { now: day(2, 14) })
    expect(third.getCuration(ids[5]!).tags).toEqual(['after'])
    expect(third.getCuration(ids[1]!).tags).toEqual(['keeper', 'theme/fatherhood'])
    expect(third.imports).toHaveLength(1)
    await third.close()
  })

  it('skips damaged backups before rebuilding, and says so', async () => {
    const ids = await curatedLibrary()
    // Day 2's first change takes a backup; then every copy of library.json is broken.
    const day2 = await openLibrary(dir, { now: day(2) })
    await addTags(day2, [ids[3]!], ['late'])
    await day2.close()
    const [snapshot] = await readdir(join(dir, 'backups'))
    await writeFile(join(dir, 'backups', snapshot!, 'library.json'), '')
    await writeFile(join(dir, 'library.json'), '\0\0\0\0')

    const library = await openLibrary(dir, { now: day(2, 13) })
    const notices = library.notices.join('\n')
    expect(notices).toMatch(/skipping 1 damaged backup/)
    expect(notices).toMatch(/rebuilt from the review and curation files/)
    expect(library.tags.map((t) => t.name)).toContain('late')
    expect(library.getCuration(ids[3]!).tags).toEqual(['late'])
    await library.close()
  })

  it('treats a missing library.json next to review files as lost, not as a new library', async () => {
    const ids = await curatedLibrary()
    await rm(join(dir, 'library.json'))
    const library = await openLibrary(dir, { now: day(1, 13) })
    expect(library.notices.join('\n')).toMatch(
      /library\.json is missing although the library holds reviews: no backup held a readable copy/,
    )
    expect(library.imports).toHaveLength(1)
    expect(library.tags.map((t) => t.name)).toContain('keeper')
    expect(library.getCuration(ids[0]!).tags).toContain('keeper')
    await library.close()
  })

  it('keeps an import name recorded with its unparsed fragments', async () => {
    await curatedLibrary()
    const library = await openLibrary(dir, { now: day(1, 13) })
    const [record] = library.imports
    await library.close()
    await mkdir(join(dir, 'imports'), { recursive: true })
    await writeFile(
      join(dir, 'imports', `${record!.id}.json`),
      JSON.stringify({
        schemaVersion: 1,
        recordId: record!.id,
        fileName: 'my-page.txt',
        fragments: [],
      }),
    )
    await rm(join(dir, 'library.json'))
    const rebuilt = await openLibrary(dir, { now: day(1, 14) })
    expect(rebuilt.imports.map((r) => r.fileName)).toEqual(['my-page.txt'])
    expect(rebuilt.notices.join('\n')).not.toMatch(/file name of/)
    await rebuilt.close()
  })

  it('adds back what a restored (older) backup of library.json does not list', async () => {
    const ids = await curatedLibrary()
    // Day 2: the backup is taken before this change, so it lacks the tag "later".
    const day2 = await openLibrary(dir, { now: day(2) })
    await addTags(day2, [ids[4]!], ['later'])
    await day2.close()
    await writeFile(join(dir, 'library.json'), 'garbage')
    const library = await openLibrary(dir, { now: day(2, 13) })
    const notices = library.notices.join('\n')
    expect(notices).toMatch(/restored from the backup/)
    expect(notices).toMatch(/0 imports and 1 tag it did not list were added back/)
    // What the backup held keeps its colour and the saved view comes back.
    expect(library.tags.find((t) => t.name === 'theme/fatherhood')?.color).toBe('#123456')
    expect(library.views.map((v) => v.name)).toEqual(['Keepers'])
    expect(library.tags.map((t) => t.name)).toContain('later')
    await library.close()
  })

  it('tells the CLI user on stderr, and the command still works', async () => {
    const ids = await curatedLibrary()
    await writeFile(join(dir, 'library.json'), '[]')
    const run = await runCliCaptured(['reviews', '--json', '--library', dir], dir)
    expect(run.code).toBe(0)
    expect(run.err).toMatch(/review-curator: .*rebuilt from the review and curation files/)
    expect(run.err).toMatch(/Could not be recovered: .*saved views/)
    const listed = JSON.parse(run.out) as { id: string }[]
    expect(listed.map((r) => r.id).sort()).toEqual([...ids].sort())
    const tagged = await runCliCaptured(['tag', ids[7]!, 'cli', '--library', dir], dir)
    expect(tagged.code).toBe(0)
    expect(tagged.err).toBe('')
    expect(JSON.parse(await readFile(join(dir, 'library.json'), 'utf8')).tags).toContainEqual(
      expect.objectContaining({ name: 'cli' }),
    )
  })
})
