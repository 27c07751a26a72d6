import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { commitImport } from '../../../electron/app/import/apply-import'
import { nodeFs, type DurableFs } from '../../../electron/domain/store/durable-write'
import { keepBytes } from '../../../electron/domain/import/kept-sources'
import { parsedFile, parsedReview } from '../import/support'
import { steppingClock, tempDir } from '../support/temp-library'

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir: root, cleanup } = await tempDir()))
afterEach(() => cleanup())

/**
 * node's fs, failing its `failAt`-th call (counting from when it is armed) as a full disk would;
 * with `crash`, that call and every later one fail, as if the process had been killed there.
 */
function failingFs(
  failAt: number,
  crash: boolean,
): { fs: DurableFs; arm: () => void; calls: () => number } {
  let armed = false
  let calls = 0
  const step = () => {
    if (!armed) return
    if (++calls === failAt || (crash && calls > failAt))
      throw Object.assign(new Error('ENOSPC: injected'), { code: 'ENOSPC' })
  }
  const fs: DurableFs = {
    ...nodeFs,
    open: async (path, flags) => {
      step()
      const handle = await nodeFs.open(path, flags)
      return {
        write: async (data) => (step(), handle.write(data)),
        sync: async () => (step(), handle.sync()),
        close: () => handle.close(),
      }
    },
    rename: async (from, to) => (step(), nodeFs.rename(from, to)),
    rm: async (path, options) => (step(), nodeFs.rm(path, options)),
  }
  return { fs, arm: () => (armed = true), calls: () => calls }
}

/** Two files with their kept bytes, as a real read hands them over. */
const twoFiles = async () => [
  {
    ...parsedFile('b.txt', [parsedReview({ title: 'B1' }), parsedReview({ title: 'B2' })], {
      title: 'Bleeder',
      year: 1999,
    }),
    source: { bytes: await keepBytes(Buffer.from('the page of b')), options: {} },
  },
  {
    ...parsedFile(
      'c.txt',
      [parsedReview({ title: 'C1' })],
      { title: 'Fear X', year: 2003 },
      {
        fragments: [{ line: 9, text: 'an unparsed block' }],
      },
    ),
    source: { bytes: await keepBytes(Buffer.from('the page of c')), options: {} },
  },
]

async function state(dir: string) {
  const library = await openLibrary(dir)
  try {
    return {
      notices: library.notices,
      imports: library.imports.map((i) => i.fileName),
      works: library
        .allWorks()
        .map((w) => w.title)
        .sort(),
      reviews: library.reviewCount,
      files: {
        reviews: (await readdir(join(dir, 'reviews'))).length,
        imports: (await readdir(join(dir, 'imports'))).length,
        sources: (await readdir(join(dir, 'sources'))).sort(),
        root: (await readdir(dir)).filter((n) => n !== '.lock' && n !== 'backups').sort(),
      },
    }
  } finally {
    await library.close()
  }
}

describe('an import of two files is all or nothing, its kept sources included', () => {
  it.each([
    ['one write fails (a full disk)', false],
    ['the process stops at that write (a crash)', true],
  ])(
    'whichever write step fails, the library holds all of the import or none: %s',
    async (_, crash) => {
      const outcomes = new Set<string>()
      for (let failAt = 1; ; failAt++) {
        const dir = join(root, `lib-${failAt}`)
        const base = await openLibrary(dir, { now: steppingClock() })
        await commitImport(base, [parsedFile('a.txt', [parsedReview({ title: 'A1' })])])
        await base.close()

        const { fs, arm, calls } = failingFs(failAt, crash)
        const library = await openLibrary(dir, { now: steppingClock(Date.UTC(2026, 0, 5)), fs })
        await library.saveMeta(() => undefined) // the day's backup, before failures are injected
        arm()
        const failed = await commitImport(library, await twoFiles()).then(
          () => false,
          () => true,
        )
        await library.close()
        const after = await state(dir)
        const none = {
          imports: ['a.txt'],
          works: ['Pusher II'],
          reviews: 1,
          files: {
            reviews: 1,
            imports: 0,
            sources: [],
            root: ['curation', 'imports', 'library.json', 'reviews', 'sources'],
          },
        }
        const all = {
          imports: ['a.txt', 'b.txt', 'c.txt'],
          works: ['Bleeder', 'Fear X', 'Pusher II'],
          reviews: 4,
          files: {
            reviews: 3,
            imports: 1,
            // Both files' bytes and the import's manifest.
            sources: [
              expect.stringMatching(/^im_\w+\.json$/),
              expect.stringMatching(/_1\.gz$/),
              expect.stringMatching(/_2\.gz$/),
            ],
            root: ['curation', 'imports', 'library.json', 'reviews', 'sources'],
          },
        }
        const { notices, ...rest } = after
        if (rest.imports.length === 3) expect(rest).toEqual(all)
        else expect(rest).toEqual(none)
        const outcome = `${failed ? 'failed' : 'ok'}->${rest.imports.length === 3 ? 'all' : 'none'}`
        outcomes.add(outcome)
        if (notices.length) outcomes.add(`notice: ${notices[0]!.replace(/\(started .*?\)/, '')}`)
        if (!failed && calls() < failAt) break // every step has now failed once
      }
      // A failure before the commit marker leaves none of it; the import succeeding leaves all.
      expect(outcomes).toContain('failed->none')
      expect(outcomes).toContain('ok->all')
      // Stopped after the commit marker: opening the library finishes the import, and says so.
      if (crash) {
        expect(outcomes).toContain('failed->all')
        expect([...outcomes].join('\n')).toMatch(
          /Import b.txt, c.txt” +was interrupted before it was saved; it was rolled back/,
        )
        expect([...outcomes].join('\n')).toMatch(
          /Import b.txt, c.txt” +was interrupted after it was saved; it has now been completed/,
        )
      }
    },
    180_000,
  )
})
