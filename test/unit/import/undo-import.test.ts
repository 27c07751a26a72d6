import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { undoImport } from '../../../electron/app/import/apply-import'
import { addTags } from '../../../electron/app/commands/curate'
import { commitImport } from '../../../electron/app/import/apply-import'
import { snapshotTree } from '../support/temp-library'
import { importHarness, parsedFile, parsedReview, type Harness } from './support'

let h: Harness
beforeEach(async () => (h = await importHarness()))
afterEach(() => h.cleanup())

const pusher = [parsedReview({ title: 'One', author: 'ann' }), parsedReview({ title: 'Two' })]
const other = { title: 'Bleeder', year: 1999 }

/** Every file except the daily backup, which the first write of a session takes once. */
async function tree() {
  const all = await snapshotTree(h.library.dir)
  for (const key of [...all.keys()]) if (key.startsWith('backups')) all.delete(key)
  return all
}

describe('undo import', () => {
  it('removes exactly what the newest import added and restores what it changed (via history)', async () => {
    await commitImport(h.library, [parsedFile('a.txt', pusher)])
    const before = await tree()
    const newer = [
      parsedReview({ ...pusher[0], helpful: { yes: 40, total: 41 } }),
      parsedReview({ title: 'Three' }),
    ]
    const report = await commitImport(h.library, [
      parsedFile('b.txt', newer, undefined, { fragments: [{ line: 3, text: 'stray block' }] }),
    ])
    expect(await readdir(join(h.library.dir, 'imports'))).toEqual([`${report.importId}.json`])

    const result = await undoImport(h.library, report.importId)
    expect(result.via).toBe('history')
    expect(await tree()).toEqual(before)
    expect(h.library.reviewCount).toBe(2)
    expect(h.library.history.canRedo).toBe(true)

    await h.library.history.redo()
    expect(h.library.reviewCount).toBe(3)
    expect(h.library.imports.map((i) => i.id)).toContain(report.importId)
  })

  it('undoes a new work completely: its reviews file goes too', async () => {
    await commitImport(h.library, [parsedFile('b.txt', [parsedReview({ title: 'X' })], other)])
    const before = await tree()
    const report = await commitImport(h.library, [parsedFile('a.txt', pusher)])
    await undoImport(h.library, report.importId)
    expect(await tree()).toEqual(before)
    expect(h.library.allWorks().map((w) => w.title)).toEqual(['Bleeder'])
  })

  it('reverts an older import directly when nothing since touched its reviews', async () => {
    const first = await commitImport(h.library, [parsedFile('a.txt', pusher)])
    await commitImport(h.library, [parsedFile('b.txt', [parsedReview({ title: 'X' })], other)])
    const result = await undoImport(h.library, first.importId)
    expect(result.via).toBe('direct')
    expect([...h.library.allReviews()].map((r) => r.title)).toEqual(['X'])
    expect(h.library.imports.map((i) => i.fileName)).toEqual(['b.txt'])
    // The direct undo is itself one undoable step.
    await h.library.history.undo()
    expect(h.library.reviewCount).toBe(3)
    await h.library.history.undo() // b.txt
    await h.library.history.undo() // a.txt: already re-applied, so it is undone normally
    expect(h.library.reviewCount).toBe(0)
  })

  it('refuses when a later import rewrote the same work, and says which', async () => {
    const first = await commitImport(h.library, [parsedFile('a.txt', pusher)])
    await commitImport(h.library, [parsedFile('b.txt', [parsedReview({ title: 'New' })])])
    const before = await tree()
    await expect(undoImport(h.library, first.importId)).rejects.toThrow(
      /Import a\.txt cannot be undone: a later import changed the reviews of Pusher II/,
    )
    expect(await tree()).toEqual(before)
  })

  it('refuses when reviews it added were curated since', async () => {
    const first = await commitImport(h.library, [parsedFile('a.txt', pusher)])
    const id = [...h.library.allReviews()][0]!.id
    await addTags(h.library, [id], ['acting'])
    await expect(undoImport(h.library, first.importId)).rejects.toThrow(
      /tagged, noted, rated or highlighted 1 of the reviews it added/,
    )
    expect(h.library.reviewCount).toBe(2)
  })

  it('says so for an import already undone or unknown to this session', async () => {
    const first = await commitImport(h.library, [parsedFile('a.txt', pusher)])
    await undoImport(h.library, first.importId)
    await expect(undoImport(h.library, first.importId)).rejects.toThrow(/already undone/)
    await expect(undoImport(h.library, 'im_1')).rejects.toThrow(
      /can be undone until the library is closed/,
    )
  })

  it('treats a multi-file import as one step', async () => {
    const report = await commitImport(h.library, [
      parsedFile('a.txt', pusher),
      parsedFile('b.txt', [parsedReview({ title: 'X' })], other),
    ])
    expect(report.files.map((f) => f.recordId)).toEqual([
      `${report.importId}_1`,
      `${report.importId}_2`,
    ])
    expect(h.library.history.entries()).toHaveLength(1)
    await undoImport(h.library, report.importId)
    expect(h.library.reviewCount).toBe(0)
    expect(h.library.imports).toEqual([])
  })
})

describe('undo of a restored Review Curator export', () => {
  it('goes through history while newest, and like any import once something came after', async () => {
    const { renderExport } = await import('../../../electron/app/export/export-service')
    await commitImport(h.library, [parsedFile('a.txt', pusher)])
    await addTags(h.library, [[...h.library.allReviews()][0]!.id], ['acting'])
    const text = renderExport(h.library, 'json', { label: 'All', query: {} }).text

    const target = await importHarness()
    try {
      const preview = (await target.handlers['import:preview']({
        source: { kind: 'text', fileName: 'backup.json', content: text },
      }))!
      const report = await target.handlers['import:commit']({ previewId: preview.previewId })
      expect(report.importId).toMatch(/^rs_/)
      expect(target.library.reviewCount).toBe(2)
      const result = await target.handlers['import:undo']({ importId: report.importId })
      expect(result.via).toBe('history')
      expect(target.library.reviewCount).toBe(0)
      await expect(target.handlers['import:undo']({ importId: report.importId })).rejects.toThrow(
        /already undone/,
      )

      // Redone, then followed by an import of another work: it is reverted on its own.
      await target.library.history.redo()
      expect(target.library.reviewCount).toBe(2)
      await commitImport(target.library, [
        parsedFile('b.txt', [parsedReview({ title: 'X' })], other),
      ])
      const direct = await target.handlers['import:undo']({ importId: report.importId })
      expect(direct.via).toBe('direct')
      expect(target.library.reviewCount).toBe(1)
      expect(target.library.tags.map((t) => t.name)).not.toContain('acting')
    } finally {
      await target.cleanup()
    }
  })
})
