import { execFileSync } from 'node:child_process'
import { open, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { importPaths } from '../../../electron/app/import/run-import'
import { FIXTURE, snapshotTree } from '../support/temp-library'
import { importHarness, type Harness } from './support'

// The bad-input catalogue, end to end through the import service: each input ends in a message
// that names the file and says what is wrong, and the library stays byte-for-byte as it was.

let h: Harness
beforeEach(async () => {
  h = await importHarness()
  await importPaths(h.library, [FIXTURE]) // a library with something to lose
})
afterEach(() => h.cleanup())

const utf16Truncated = Buffer.concat([
  Buffer.from([0xff, 0xfe]),
  Buffer.from('8/10\nGood\nann12 March 2006\n', 'utf16le'),
  Buffer.from([0x41]),
])

const catalogue: [string, string | Uint8Array, RegExp][] = [
  ['empty.txt', '', /empty\.txt is empty/],
  ['whitespace.txt', ' \n\n\t\n', /whitespace\.txt is empty/],
  [
    'picture.png',
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]),
    /picture\.png looks like a binary file/,
  ],
  [
    'utf16.txt',
    utf16Truncated,
    /utf16\.txt is cut off: it is UTF-16LE text.*middle of a character/,
  ],
  [
    'zero.txt',
    'Pusher II (2004)\nUser Reviews\n0 Reviews\nHide Spoilers\nSort by: Helpfulness\n',
    /zero\.txt: the page declares 0 reviews/,
  ],
  [
    'recipe.html',
    '<!doctype html><html><head><title>Pancakes</title></head><body><h1>Pancakes</h1><p>Mix flour and eggs.</p></body></html>',
    /recipe\.html is an HTML page but not a page of reviews/,
  ],
  [
    'weather.json',
    '{"weather": {"today": "sunny", "temp": 21}}',
    /weather\.json: .*expected a list of review objects/,
  ],
  [
    'people.csv',
    'author,rating,date\nann,8,2020-01-01\nbob,6,2020-02-02\n',
    /people\.csv: no column holds the review text \(columns: author, rating, date\)/,
  ],
]

describe('the bad-input catalogue', () => {
  for (const [name, content, message] of catalogue) {
    it(`${name}: a clear message and a byte-identical library`, async () => {
      const path = join(h.dir, name)
      await writeFile(path, content)
      const before = await snapshotTree(h.library.dir)
      await expect(importPaths(h.library, [path])).rejects.toThrow(message)
      await expect(importPaths(h.library, [path])).rejects.toThrow(message)
      // Through the preview: the file carries the error; committing it imports nothing.
      h.chosen.splice(0, h.chosen.length, path)
      const preview = (await h.handlers['import:preview']({ source: { kind: 'files' } }))!
      expect(preview.files[0]!.error).toMatch(message)
      await expect(h.handlers['import:commit']({ previewId: preview.previewId })).rejects.toThrow(
        message,
      )
      expect(await snapshotTree(h.library.dir)).toEqual(before)
    })
  }

  it('a 500 MB file is refused before it is read, with its size and the limit', async () => {
    const path = join(h.dir, 'huge.txt')
    // A sparse file: 500 MB long without writing 500 MB to the disk.
    const handle = await open(path, 'w')
    await handle.truncate(500 * 1024 * 1024)
    await handle.close()
    const before = await snapshotTree(h.library.dir)
    const message =
      /huge\.txt is 500 MB, more than the 300 MB Review Curator imports at once: split it/
    await expect(importPaths(h.library, [path])).rejects.toThrow(message)
    h.chosen.splice(0, h.chosen.length, path)
    await expect(h.handlers['import:preview']({ source: { kind: 'files' } })).rejects.toThrow(
      message,
    )
    expect(await snapshotTree(h.library.dir)).toEqual(before)
  })

  it('a pasted text over the cap is refused the same way', async () => {
    const before = await snapshotTree(h.library.dir)
    await expect(importPaths(h.library, [FIXTURE], { cap: 1000 })).rejects.toThrow(
      /pusher-ii-2004\.txt is .* MB, more than the 0\.0 MB/,
    )
    expect(await snapshotTree(h.library.dir)).toEqual(before)
  })

  it('one bad file among good ones imports nothing on the direct path', async () => {
    const bad = join(h.dir, 'bad.txt')
    await writeFile(bad, 'not a review page at all')
    const before = await snapshotTree(h.library.dir)
    await expect(importPaths(h.library, [FIXTURE, bad])).rejects.toThrow(/bad\.txt/)
    expect(await snapshotTree(h.library.dir)).toEqual(before)
    expect(await readFile(FIXTURE, 'utf8')).toContain('Pusher II')
  })

  // Windows has no FIFOs or /dev/zero, and symlinks need extra rights there.
  it.skipIf(process.platform === 'win32')(
    'names what a path is when it is not a file: a folder, a pipe, a device, a link loop',
    async () => {
      const loop = join(h.dir, 'loop.txt')
      await symlink(loop, loop)
      const fifo = join(h.dir, 'pipe.txt')
      execFileSync('mkfifo', [fifo])
      const before = await snapshotTree(h.library.dir)
      const cases: [string, RegExp][] = [
        [h.dir, /is a folder, expected a text file/],
        [fifo, /pipe\.txt: is not a regular file \(a pipe, device or socket\)/],
        ['/dev/zero', /\/dev\/zero: is not a regular file/],
        [loop, /loop\.txt: a symbolic link that points back to itself/],
        [join(h.dir, 'missing.txt'), /missing\.txt: file not found/],
      ]
      for (const [path, message] of cases) {
        await expect(importPaths(h.library, [path])).rejects.toThrow(message)
      }
      expect(await snapshotTree(h.library.dir)).toEqual(before)
    },
  )

  it('keeps the message about a CSV with a huge header short', async () => {
    const wide = join(h.dir, 'wide.csv')
    const names = Array.from({ length: 50_000 }, (_, i) => `c${i}`)
    await writeFile(wide, `${names.join(',')}\n${names.map(() => '1').join(',')}\n`)
    const error = await importPaths(h.library, [wide]).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toMatch(/c0, c1, .* and 49980 more/)
    expect((error as Error).message.length).toBeLessThan(500)
  })

  it('refuses a deeply nested HTML page as bad input, not a crash', async () => {
    const deep = join(h.dir, 'deep.html')
    await writeFile(
      deep,
      `<html><body>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`,
    )
    const error = await importPaths(h.library, [deep]).catch((e: Error) => e)
    expect(error).toMatchObject({ code: 'bad-input' })
    expect((error as Error).message).toMatch(/deep\.html/)
  })
})
