import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ReparseDiff } from '../../../shared/channels/library'
import type { Review } from '../../../shared/domain'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const lib = () => join(dir, 'lib')
const cli = (...argv: string[]) => runCliCaptured([...argv, '--library', lib()], join(dir, 'home'))

/** The fixture imported, then one stored review's helpful votes edited as an older parser might. */
async function outdated(): Promise<{ path: string; review: Review }> {
  expect((await cli('import', FIXTURE)).code).toBe(0)
  const [name] = await readdir(join(lib(), 'reviews'))
  const path = join(lib(), 'reviews', name!)
  const file = JSON.parse(await readFile(path, 'utf8')) as { reviews: Review[] }
  const review = file.reviews[3]!
  file.reviews[3] = { ...review, helpful: { yes: 0, total: 0 } }
  await writeFile(path, JSON.stringify(file))
  return { path, review }
}

describe('review-curator reparse', () => {
  it('prints the diff and writes nothing without --apply', async () => {
    const { path, review } = await outdated()
    const before = await readFile(path, 'utf8')
    const { code, out, err } = await cli('reparse')
    expect({ code, err }).toEqual({ code: 0, err: '' })
    expect(out).toMatch(
      /pusher-ii-2004\.txt \(im_\w+, imported .*\): 0 added, 0 removed, 1 changed/,
    )
    expect(out).toContain(
      `~ ${review.id} “${review.title}” by ${review.author} (Pusher II): helpful`,
    )
    expect(out).toMatch(/0 added, 0 removed, 1 changed\. Run again with --apply/)
    expect(await readFile(path, 'utf8')).toBe(before)
  })

  it('--apply writes the change; a second run has nothing to do', async () => {
    const { review } = await outdated()
    const applied = await cli('reparse', '--apply', '--json')
    expect(applied.code).toBe(0)
    const diff = JSON.parse(applied.out) as ReparseDiff
    expect(diff).toMatchObject({ applied: 'Re-parse imports', changed: 1, added: 0, removed: 0 })
    const list = JSON.parse((await cli('reviews', '--json')).out) as Review[]
    expect(list.find((r) => r.id === review.id)?.helpful).toEqual(review.helpful)
    const again = await cli('reparse')
    expect(again.code).toBe(0)
    expect(again.out).toMatch(/Nothing to change/)
  })

  it('exits 2 for an unknown import, stray arguments or a missing library', async () => {
    await outdated()
    const unknown = await cli('reparse', '--import', 'im_nope')
    expect(unknown.code).toBe(2)
    expect(unknown.err).toMatch(/No import im_nope in this library/)
    expect((await cli('reparse', 'extra')).code).toBe(2)
    const missing = await runCliCaptured(
      ['reparse', '--library', join(dir, 'typo')],
      join(dir, 'home'),
    )
    expect(missing.code).toBe(2)
    expect(missing.err).toMatch(/there is no library at/)
  })
})

describe('review-curator doctor and kept sources', () => {
  it('checks every kept source against its sha256 and names a damaged one', async () => {
    expect((await cli('import', FIXTURE)).code).toBe(0)
    expect((await cli('doctor')).code).toBe(0)
    const blob = (await readdir(join(lib(), 'sources'))).find((n) => n.endsWith('.gz'))!
    // Still gzip, but of other bytes: only the length and hash tell.
    await writeFile(join(lib(), 'sources', blob), gzipSync(Buffer.from('other bytes')))
    const { code, out } = await cli('doctor')
    expect(code).toBe(1)
    expect(out).toContain(
      `problem: sources/${blob} (the kept copy of pusher-ii-2004.txt) is damaged: its bytes do not match the sha256 recorded when it was imported`,
    )
  })
})
