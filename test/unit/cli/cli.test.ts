import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { readCsv } from '../../support/read-csv'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../support/run-cli'
import { EXPECTED, FIXTURE, snapshotTree, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const cli = (...argv: string[]) => runCliCaptured(argv, join(dir, 'home'))

const lib = () => ['--library', join(dir, 'lib')]

describe('review-curator CLI', () => {
  it('imports with a JSON report', async () => {
    const { code, out } = await cli('import', FIXTURE, ...lib(), '--json')
    expect(code).toBe(0)
    const report = JSON.parse(out).files[0]
    expect(report).toMatchObject({
      format: 'imdb-title-reviews-text',
      found: 25,
      declared: 44,
      added: 25,
      unchanged: 0,
    })
    expect(report.works).toEqual([{ title: 'Pusher II', year: 2004 }])
    expect(report.warnings.every((w: { line: number }) => Number.isInteger(w.line))).toBe(true)
  })

  it('lists reviews as JSON with the expected fields and curation, and curates by id', async () => {
    await cli('import', FIXTURE, ...lib())
    const expected = JSON.parse(await readFile(EXPECTED, 'utf8'))
    const reviews = JSON.parse((await cli('reviews', ...lib(), '--json')).out)
    expect(reviews).toHaveLength(25)
    reviews.forEach((r: Record<string, unknown>, i: number) => {
      expect(r.work).toEqual({ title: 'Pusher II', year: 2004 })
      for (const [k, v] of Object.entries(expected.reviews[i])) expect(r[k], k).toEqual(v)
    })
    const id = reviews[2].id
    expect((await cli('tag', id, 'acting', 'theme/fatherhood', ...lib())).code).toBe(0)
    expect((await cli('untag', id, 'acting', ...lib())).code).toBe(0)
    expect((await cli('rate', id, '4', ...lib())).code).toBe(0)
    expect((await cli('note', id, 'A', 'pull', 'quote', ...lib())).code).toBe(0)
    const after = JSON.parse((await cli('reviews', ...lib(), '--json')).out)
    expect(after[2].curation).toEqual({
      tags: ['theme/fatherhood'],
      note: 'A pull quote',
      myRating: 4,
    })
    expect((await cli('rate', id, 'none', ...lib())).code).toBe(0)
    expect(
      JSON.parse((await cli('reviews', ...lib(), '--json')).out)[2].curation.myRating,
    ).toBeNull()
  })

  it('exports CSV filtered by tag to a file and JSON to stdout', async () => {
    await cli('import', FIXTURE, ...lib())
    const id = JSON.parse((await cli('reviews', ...lib(), '--json')).out)[0].id
    await cli('tag', id, 'keep', ...lib())
    const out = join(dir, 'keep.csv')
    const res = await cli('export', '--format', 'csv', '--tag', 'keep', '--out', out, ...lib())
    expect(res.code).toBe(0)
    expect(res.err).toMatch(/Exported 1 reviews/)
    const { rows } = readCsv((await readFile(out, 'utf8')).slice(1))
    expect(rows.map((r) => r.id)).toEqual([id])
    const json = JSON.parse((await cli('export', '--format', 'json', ...lib())).out)
    expect(json.reviews).toHaveLength(25)
  })

  it('exits 2 with a message naming the file when the input is rejected, changing nothing', async () => {
    await cli('import', FIXTURE, ...lib())
    const before = await snapshotTree(join(dir, 'lib'))
    const bad = join(dir, 'notes.txt')
    await writeFile(bad, 'hello\n')
    const res = await cli('import', bad, ...lib())
    expect(res.code).toBe(2)
    expect(res.err).toMatch(/notes\.txt is not a review page/)
    expect((await cli('import', join(dir, 'missing.txt'), ...lib())).err).toMatch(
      /missing\.txt: file not found/,
    )
    expect((await cli('rate', 'rv_0000000000000000', '5', ...lib())).code).toBe(2)
    const outOfRange = await cli('rate', 'rv_0000000000000000', '11', ...lib())
    expect(outOfRange.code).toBe(2)
    expect(outOfRange.err).toMatch(/rating: must be a whole number from 1 to 10/)
    expect((await cli('rate', 'x', 'seven', ...lib())).err).toMatch(/rating from 1 to 10/)
    expect((await cli('export', '--format', 'xml', ...lib())).code).toBe(2)
    expect((await cli('frobnicate', ...lib())).code).toBe(2)
    expect(await snapshotTree(join(dir, 'lib'))).toEqual(before)
  })

  it('uses the app library folder by default', async () => {
    expect((await cli('import', FIXTURE)).code).toBe(0)
    const reviews = JSON.parse((await cli('reviews', '--json')).out)
    expect(reviews).toHaveLength(25)
    const meta = await readFile(
      join(dir, 'home', '.config', 'Review Curator', 'library', 'library.json'),
      'utf8',
    )
    expect(JSON.parse(meta).imports).toHaveLength(1)
  })

  it('prints usage with --help and exits 2 without a command', async () => {
    expect((await cli('--help')).out).toMatch(/Usage: review-curator/)
    expect((await cli()).code).toBe(2)
  })
})
