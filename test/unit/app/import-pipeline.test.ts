import { readFile } from 'node:fs/promises'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createApp, type App } from '../../../electron/app/create-app'
import { undoImport } from '../../../electron/app/import/apply-import'
import { importPaths, importText } from '../../../electron/app/import/run-import'
import { renderExport } from '../../../electron/app/export/export-service'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { FIXTURE, snapshotTree, steppingClock, tempDir } from '../support/temp-library'

// Every entry into import — CLI paths, the bundled sample, a pasted preview, a dropped file's
// bytes, the restore of our own export — ends in the same apply step, so every one of them is
// one history step that "Undo import" reverts to the byte.

let dir: string
let cleanup: () => Promise<void>
let library: Library
let app: App
let page: string

beforeEach(async () => {
  ;({ dir, cleanup } = await tempDir('rc-pipeline-'))
  library = await openLibrary(dir, { now: steppingClock() })
  page = await readFile(FIXTURE, 'utf8')
  app = createApp({
    library,
    dialogs: { chooseImportFiles: async () => [FIXTURE], chooseExportPath: async () => null },
    openExternal: async () => false,
    sample: { fileName: 'sample.txt', content: page },
    emit: () => undefined,
  })
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

async function tree() {
  const all = await snapshotTree(dir)
  for (const key of [...all.keys()]) if (key.startsWith('backups')) all.delete(key)
  return all
}

async function viaPreview(source: unknown): Promise<string> {
  const preview = await app.dispatch('import:preview', { source })
  if (!preview.ok || !preview.value) throw new Error(JSON.stringify(preview))
  const { previewId } = preview.value as { previewId: string }
  const commit = await app.dispatch('import:commit', { previewId })
  if (!commit.ok) throw new Error(commit.error.message)
  return (commit.value as { importId: string }).importId
}

const entries: [string, () => Promise<string>][] = [
  ['the CLI', async () => (await importPaths(library, [FIXTURE])).importId],
  ['the sample', async () => (await importText(library, 'sample.txt', page)).importId],
  [
    'the sample channel',
    async () => {
      const r = await app.dispatch('import:sample', {})
      if (!r.ok) throw new Error(r.error.message)
      return (r.value as { importId: string }).importId
    },
  ],
  ['a pasted preview', () => viaPreview({ kind: 'text', fileName: 'paste.txt', content: page })],
  [
    'dropped bytes',
    () =>
      viaPreview({
        kind: 'bytes',
        files: [{ fileName: 'drop.txt', base64: Buffer.from(page).toString('base64') }],
      }),
  ],
  ['the file dialog', () => viaPreview({ kind: 'files' })],
]

describe('one import pipeline', () => {
  it.each(entries)('%s: one undoable step that leaves the folder as it was', async (_, run) => {
    // Another work first, so the folder already has its files when the snapshot is taken.
    await importText(library, 'other.txt', page.replace(/Pusher II/g, 'Bleeder'))
    const before = await tree()
    const importId = await run()
    expect(library.reviewCount).toBe(50)
    await undoImport(library, importId)
    expect(library.reviewCount).toBe(25)
    expect(await tree()).toEqual(before)
  })

  it('restores our own export through the same step', async () => {
    await importPaths(library, [FIXTURE])
    await app.dispatch('curation:tag', { ids: [[...library.allReviews()][0]!.id], tags: ['mine'] })
    const text = renderExport(library, 'json', { label: 'All', query: {} }).text
    const other = await tempDir('rc-pipeline-restore-')
    const target = await openLibrary(other.dir, { now: steppingClock() })
    try {
      const report = await importText(target, 'backup.json', text)
      expect(report.files[0]).toMatchObject({ format: 'review-curator-export', added: 25 })
      expect(target.tags.map((t) => t.name)).toEqual(['mine'])
      await undoImport(target, report.importId)
      expect(target.reviewCount).toBe(0)
      expect(target.tags).toEqual([])
    } finally {
      await target.close()
      await other.cleanup()
    }
  })
})
