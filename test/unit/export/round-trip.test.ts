import { writeCuration } from '../support/write-curation'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli, type CliIo } from '../../../electron/cli/run'
import { renderExport } from '../../../electron/app/export/export-service'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { commitPreview, createPreview } from '../../../electron/app/import/preview'
import { PreviewStore } from '../../../electron/app/import/preview-store'
import { textSource } from '../../../electron/domain/import/sources'
import { importPaths } from '../../../electron/app/import/run-import'
import { snapshotTree, steppingClock, tempDir } from '../support/temp-library'
import { curatedLibrary, type Curated } from './fixture-library'

let lib: Curated
let work: { dir: string; cleanup: () => Promise<void> }
beforeAll(async () => {
  lib = await curatedLibrary()
  work = await tempDir()
})
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
  await work.cleanup()
})

const everything = { label: 'The whole library', query: {} }
const withoutTimestamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": ""')

async function cliReviews(libraryDir: string): Promise<unknown> {
  let out = ''
  const io: CliIo = {
    stdout: (t) => void (out += t),
    stderr: () => undefined,
    env: {},
    platform: 'linux',
    home: work.dir,
  }
  expect(await runCli(['reviews', '--json', '--library', libraryDir], io)).toBe(0)
  return JSON.parse(out)
}

describe('JSON export round trip', () => {
  it('re-imported into an empty library, exports again identically apart from exportedAt', async () => {
    const first = renderExport(lib.library, 'json', everything).text
    const file = join(work.dir, 'backup.json')
    await writeFile(file, first)
    const emptyDir = join(work.dir, 'restored')
    const restored = await openLibrary(emptyDir, { now: steppingClock(Date.UTC(2027, 0, 1)) })
    try {
      const report = await importPaths(restored, [file])
      expect(report.files[0]).toMatchObject({ format: 'review-curator-export', added: 27 })
      const second = renderExport(restored, 'json', everything).text
      expect(second).not.toBe(first) // the timestamps differ…
      expect(withoutTimestamp(second)).toBe(withoutTimestamp(first)) // …and nothing else
      expect(restored.tags).toEqual(lib.library.tags)
    } finally {
      await restored.close()
    }
    // Reopened from disk, then seen through the CLI: the same reviews and the same curation.
    await lib.library.close()
    const original = await cliReviews(lib.dir)
    lib.library = await openLibrary(lib.dir)
    expect(await cliReviews(emptyDir)).toEqual(original)
    // Both reopened from disk (where works are read in file order): still identical.
    const reopened = await openLibrary(emptyDir)
    try {
      expect(withoutTimestamp(renderExport(reopened, 'json', everything).text)).toBe(
        withoutTimestamp(renderExport(lib.library, 'json', everything).text),
      )
    } finally {
      await reopened.close()
    }
  })

  it('restores as one undoable step: undo leaves the library as it was', async () => {
    const file = join(work.dir, 'undo.json')
    await writeFile(file, renderExport(lib.library, 'json', everything).text)
    const dir = join(work.dir, 'undo-lib')
    const library = await openLibrary(dir)
    try {
      await library.saveMeta(() => undefined) // creates library.json as a first change would
      const before = await snapshotTree(dir)
      await importPaths(library, [file])
      expect(library.reviewCount).toBe(27)
      await library.history.undo()
      expect(library.reviewCount).toBe(0)
      expect(library.tags).toEqual([])
      const after = await snapshotTree(dir)
      for (const [name, bytes] of before)
        if (!name.startsWith('backups')) expect(after.get(name)).toBe(bytes)
      await library.history.redo()
      expect(library.getCuration(lib.ids.first).kept).toBe(true)
    } finally {
      await library.close()
    }
  })

  it('merges into a library that already has curation, losing nothing', async () => {
    const file = join(work.dir, 'merge.json')
    await writeFile(file, renderExport(lib.library, 'json', everything).text)
    const dir = join(work.dir, 'merge-lib')
    const library = await openLibrary(dir)
    try {
      await importPaths(library, [file])
      await writeCuration(library, [lib.ids.first], (c) => ({ ...c, note: 'mine', tags: ['x'] }))
      await importPaths(library, [file])
      const c = library.getCuration(lib.ids.first)
      expect(c.note).toBe('mine')
      expect(c.tags).toEqual(['x', 'acting', 'pull-quote'])
      expect(library.reviewCount).toBe(27)
    } finally {
      await library.close()
    }
  })

  it('is restored, not read as plain JSON, when it comes through the import preview', async () => {
    const text = renderExport(lib.library, 'json', everything).text
    const library = await openLibrary(join(work.dir, 'preview-lib'))
    try {
      const store = new PreviewStore()
      const preview = await createPreview(
        library,
        store,
        [textSource('backup.json', text)],
        {},
        () => undefined,
      )
      expect(preview.files[0]).toMatchObject({ format: 'review-curator-export', wouldAdd: 27 })
      const entry = store.get(preview.previewId)
      const report = await commitPreview(library, entry)
      expect(report.files[0]!.format).toBe('review-curator-export')
      expect(library.getCuration(lib.ids.first)).toEqual(lib.library.getCuration(lib.ids.first))
    } finally {
      await library.close()
    }
  })

  it('restores a JSON Lines export with the same ids and curation', async () => {
    const file = join(work.dir, 'lines.jsonl')
    await writeFile(file, renderExport(lib.library, 'jsonl', everything).text)
    const library = await openLibrary(join(work.dir, 'jsonl-lib'))
    try {
      const report = await importPaths(library, [file])
      expect(report.files[0]!.added).toBe(27)
      for (const r of lib.library.allReviews()) {
        expect(library.getReview(r.id)).toEqual(r)
        expect(library.getCuration(r.id)).toEqual(lib.library.getCuration(r.id))
      }
      expect(library.tags.map((t) => t.name).sort()).toEqual(
        lib.library.tags.map((t) => t.name).sort(),
      )
    } finally {
      await library.close()
    }
  })

  it('refuses a partial or damaged export by name and field, changing nothing', async () => {
    const dir = join(work.dir, 'refuse-lib')
    const library = await openLibrary(dir)
    try {
      const partial = join(work.dir, 'partial.json')
      await writeFile(
        partial,
        renderExport(lib.library, 'json', everything, {
          fields: 'curation',
          includeSpoilers: true,
          order: null,
          bom: true,
        }).text,
      )
      await expect(importPaths(library, [partial])).rejects.toThrow(
        /partial\.json.*cannot be restored/,
      )
      const doc = JSON.parse(renderExport(lib.library, 'json', everything).text)
      doc.reviews[3].curation.myRating = 42
      const broken = join(work.dir, 'broken.json')
      await writeFile(broken, JSON.stringify(doc))
      await expect(importPaths(library, [broken])).rejects.toThrow(
        /broken\.json: review 4, field curation\.myRating/,
      )
      expect(library.reviewCount).toBe(0)
      expect(
        JSON.parse(await readFile(join(dir, 'library.json'), 'utf8').catch(() => '{"imports":[]}'))
          .imports,
      ).toEqual([])
    } finally {
      await library.close()
    }
  })
})
