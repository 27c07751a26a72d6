import { cp, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

// Every kind of library file × every way it can be damaged → what the user gets. The README's
// "Where your data lives" table states the same outcomes.

type Kind = 'library.json' | 'reviews/<work>.json' | 'curation/<xx>.json'
type Outcome = 'restored' | 'set aside' | 'refused'

const CORRUPTIONS: Record<string, (text: string, kind: Kind) => string> = {
  truncated: (text) => text.slice(0, Math.floor(text.length / 2)),
  empty: () => '',
  garbage: () => 'this is not JSON {',
  NULs: (text) => '\0'.repeat(text.length),
  'wrong shape': () => '{"schemaVersion": 1, "something": "else"}',
  'wrong field type': (text, kind) => {
    const data = JSON.parse(text)
    if (kind === 'library.json') data.tags.push({ name: 123, color: '#fff' })
    if (kind === 'reviews/<work>.json') data.reviews[3].date = 12345
    if (kind === 'curation/<xx>.json')
      Object.values<{ tags: unknown[] }>(data.items)[0]!.tags = [null]
    return JSON.stringify(data)
  },
  'newer schema': (text) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }),
}

const OUTCOME: Record<string, Outcome> = {
  truncated: 'restored',
  empty: 'restored',
  garbage: 'restored',
  NULs: 'restored',
  'wrong shape': 'restored',
  'wrong field type': 'set aside',
  'newer schema': 'refused',
}

let root: string
let cleanup: () => Promise<void>
let base: string
let reviewId: string
let reviewFile: string

beforeAll(async () => {
  ;({ dir: root, cleanup } = await tempDir())
  base = join(root, 'base')
  const day1 = await openLibrary(base, { now: () => new Date('2026-01-01T12:00:00Z') })
  await importPaths(day1, [FIXTURE])
  reviewId = [...day1.allReviews()][0]!.id
  await addTags(day1, [reviewId], ['keeper'])
  await day1.close()
  // The next day's first change takes the backup that restores use.
  const day2 = await openLibrary(base, { now: () => new Date('2026-01-02T12:00:00Z') })
  await day2.saveMeta(() => undefined)
  await day2.close()
  reviewFile = (await readdir(join(base, 'reviews')))[0]!
})
afterAll(() => cleanup())

const pathOf = (dir: string, kind: Kind) =>
  kind === 'library.json'
    ? join(dir, 'library.json')
    : kind === 'reviews/<work>.json'
      ? join(dir, 'reviews', reviewFile)
      : join(dir, 'curation', `${reviewId.slice(3, 5)}.json`)

const KINDS: Kind[] = ['library.json', 'reviews/<work>.json', 'curation/<xx>.json']
const cases = KINDS.flatMap((kind) => Object.keys(CORRUPTIONS).map((c) => [kind, c] as const))

describe('corruption matrix', () => {
  it.each(cases)('%s, %s', async (kind, corruption) => {
    const dir = join(root, `${kind.replace(/\W/g, '')}-${corruption.replace(/\W/g, '')}`)
    await cp(base, dir, { recursive: true })
    const path = pathOf(dir, kind)
    const damaged = CORRUPTIONS[corruption]!(await readFile(path, 'utf8'), kind)
    await writeFile(path, damaged)
    const { code, out, err } = await runCliCaptured(
      ['reviews', '--json', '--library', dir],
      join(root, 'home'),
    )
    expect(err).not.toMatch(/TypeError|is not a function|Cannot read properties/)
    const outcome = OUTCOME[corruption]!
    if (outcome === 'refused') {
      expect(code).toBe(2)
      expect(err).toMatch(/written by a newer Review Curator \(schema 99.*update the app/)
      expect(await readFile(path, 'utf8')).toBe(damaged) // never overwritten
      return
    }
    expect(code).toBe(0)
    const reviews = JSON.parse(out) as { id: string; curation: { tags: string[] } }[]
    if (outcome === 'restored') {
      expect(err).toMatch(
        /is damaged: .*It was kept as .*\.damaged-.* and restored from the backup/,
      )
      const kept = (await readdir(join(path, '..'))).find((n) => n.includes('.damaged-'))
      expect(await readFile(join(path, '..', kept!), 'utf8')).toBe(damaged)
      expect(reviews).toHaveLength(25)
      expect(reviews.find((r) => r.id === reviewId)?.curation.tags).toEqual(['keeper'])
    } else {
      expect(err).toMatch(
        /1 record of the wrong shape set aside \((tags|reviews|items)[.[].*\); .*kept in .*quarantine/,
      )
      const [quarantined] = await readdir(join(dir, 'quarantine'))
      const held = JSON.parse(await readFile(join(dir, 'quarantine', quarantined!), 'utf8'))
      expect(held.records).toHaveLength(1)
      // A review set aside is read again from its import's kept source (sources/).
      expect(reviews).toHaveLength(25)
      if (kind === 'reviews/<work>.json')
        expect(err).toMatch(/were rebuilt from the kept source of pusher-ii-2004\.txt/)
      // Opening again finds nothing more to set aside: the file was rewritten without it.
      const again = await runCliCaptured(['reviews', '--library', dir], join(root, 'home'))
      expect(again.err).toBe('')
    }
  })
})
