import { execFileSync } from 'node:child_process'
import { open, readdir, rm } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { commitImport } from '../../../electron/app/import/apply-import'
import { parsedFile, parsedReview } from '../import/support'
import { FIXTURE, tempDir } from '../support/temp-library'

// A real full disk: a small tmpfs, which only root may mount. Elsewhere the test is skipped and
// says why; the injected-failure tests (all-or-nothing.test.ts) cover the same paths anywhere.

let dir: string
let cleanup: () => Promise<void>
let mounted = false
let why = ''
beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir())
  try {
    if (process.platform !== 'linux' || process.getuid?.() !== 0)
      throw new Error('not root on Linux')
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', dir], { stdio: 'pipe' })
    mounted = true
  } catch (e) {
    why = e instanceof Error ? e.message : String(e)
  }
})
afterEach(async () => {
  if (mounted) execFileSync('umount', [dir])
  mounted = false
  await cleanup()
})

/** Fills the file system until it refuses another byte; returns the filler's path. */
async function fillDisk(): Promise<string> {
  const path = join(dir, 'filler')
  const handle = await open(path, 'w')
  const block = Buffer.alloc(4096, 1)
  try {
    for (;;) await handle.write(block)
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOSPC') throw e
  } finally {
    await handle.close()
  }
  return path
}

describe('a full disk', () => {
  it('refuses an edit and an import, changing nothing; both work once there is room', async (ctx) => {
    if (!mounted) ctx.skip(`needs a small tmpfs: ${why}`)
    const lib = join(dir, 'lib')
    const library = await openLibrary(lib)
    await importPaths(library, [FIXTURE])
    const id = [...library.allReviews()][0]!.id
    await addTags(library, [id], ['before'])
    const filler = await fillDisk()

    await expect(addTags(library, [id], ['lost'])).rejects.toThrow(/ENOSPC|no space/i)
    const other = parsedFile('b.txt', [parsedReview({ title: 'B' })], {
      title: 'Bleeder',
      year: 1999,
    })
    await expect(commitImport(library, [other])).rejects.toThrow(/ENOSPC|no space/i)
    expect(library.getCuration(id).tags).toEqual(['before'])
    await library.close()

    await rm(filler)
    const reopened = await openLibrary(lib)
    expect(reopened.getCuration(id).tags).toEqual(['before'])
    expect(reopened.imports).toHaveLength(1)
    expect(reopened.allWorks().map((w) => w.title)).toEqual(['Pusher II'])
    expect((await readdir(join(lib, 'reviews'))).filter((n) => n.startsWith('.'))).toEqual([])
    await addTags(reopened, [id], ['after'])
    await commitImport(reopened, [other])
    expect(reopened.getCuration(id).tags).toEqual(['before', 'after'])
    expect(reopened.imports).toHaveLength(2)
    await reopened.close()
  })
})
