import { join } from 'node:path'
import { afterEach, beforeEach, expect, it } from 'vitest'
import { createCollection } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { readCsv } from '../../support/read-csv'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
let picks: string[]
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  const library = await openLibrary(join(dir, 'lib'))
  try {
    await importPaths(library, [FIXTURE])
    const all = [...library.allReviews()].map((r) => r.id)
    picks = [all[9]!, all[0]!, all[4]!]
    await createCollection(library, 'Pull quotes', picks)
  } finally {
    await library.close()
  }
})
afterEach(() => cleanup())

const cli = (...argv: string[]) =>
  runCliCaptured([...argv, '--library', join(dir, 'lib')], join(dir, 'home'))

it('lists the collections and exports one by name in its order', async () => {
  const listed = await cli('collections')
  expect(listed).toMatchObject({ code: 0, out: 'co_1\t3\tPull quotes\n' })
  const json = JSON.parse((await cli('collections', '--json')).out)
  expect(json).toEqual([expect.objectContaining({ name: 'Pull quotes', reviewIds: picks })])

  const csv = await cli('export', '--format', 'csv', '--collection', 'pull quotes', '--no-bom')
  expect(csv.code, csv.err).toBe(0)
  expect(readCsv(csv.out).rows.map((r) => r.id)).toEqual(picks)

  const unknown = await cli('export', '--format', 'csv', '--collection', 'Nope')
  expect(unknown.code).toBe(2)
  expect(unknown.err).toContain('No collection named "Nope"; the collections are "Pull quotes"')
  const two = await cli('export', '--format', 'csv', '--collection', 'x', '--tag', 'y')
  expect(two.err).toContain('give at most one of --query, --view, --tag, --collection')
})
