import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ImportPreview, ImportProgress } from '../../../shared/contract'
import { FIXTURE, snapshotTree } from '../support/temp-library'
import { commitImport } from '../../../electron/app/import/apply-import'
import { importHarness, parsedFile, parsedReview, type Harness } from './support'

let h: Harness
let fixture: string
beforeEach(async () => {
  h = await importHarness()
  fixture = await readFile(FIXTURE, 'utf8')
})
afterEach(() => h.cleanup())

const previewText = async (content: string, fileName = 'Pasted text') =>
  (await h.handlers['import:preview']({
    source: { kind: 'text', fileName, content },
  })) as ImportPreview

describe('preview, commit and cancel', () => {
  it('previews a paste without writing, then commits it as one import', async () => {
    const before = await snapshotTree(h.library.dir)
    const preview = await previewText(fixture)
    expect(await snapshotTree(h.library.dir)).toEqual(before)
    expect(h.library.reviewCount).toBe(0)

    const file = preview.files[0]!
    expect(file).toMatchObject({
      fileName: 'Pasted text',
      error: null,
      format: 'imdb-title-reviews-text',
      works: [{ title: 'Pusher II', year: 2004 }],
      found: 25,
      declared: 44,
      incomplete: true,
      wouldAdd: 25,
      wouldUpdate: 0,
      wouldKeep: 0,
    })
    expect(file.rows).toHaveLength(20)
    expect(file.rows[0]).toMatchObject({ line: expect.any(Number), title: expect.any(String) })
    expect(file.ambiguousCount).toBeGreaterThan(0)
    expect(file.ambiguousBylines[0]!.alternatives.length).toBeGreaterThan(1)

    const report = await h.handlers['import:commit']({ previewId: preview.previewId })
    expect(report.files[0]).toMatchObject({ added: 25, found: 25, declared: 44 })
    expect(h.library.reviewCount).toBe(25)
    // A committed preview is gone: committing twice cannot import twice.
    await expect(h.handlers['import:commit']({ previewId: preview.previewId })).rejects.toThrow(
      /no longer available/,
    )
  })

  it('shows what a re-import would change before it changes it', async () => {
    await h.handlers['import:commit']({ previewId: (await previewText(fixture)).previewId })
    const newer = fixture.replace('54 out of 62 found', '60 out of 70 found')
    const file = (await previewText(newer)).files[0]!
    expect(file).toMatchObject({ wouldAdd: 0, wouldUpdate: 1, wouldKeep: 24 })
  })

  it('cancel discards the preview and leaves the library byte-identical', async () => {
    await h.handlers['import:commit']({ previewId: (await previewText(fixture)).previewId })
    const before = await snapshotTree(h.library.dir)
    const preview = await previewText(fixture.replace('54 out of 62', '1 out of 2'))
    expect(await h.handlers['import:cancel']({ previewId: preview.previewId })).toEqual({
      cancelled: true,
    })
    await expect(h.handlers['import:commit']({ previewId: preview.previewId })).rejects.toThrow(
      /no longer available/,
    )
    expect(await snapshotTree(h.library.dir)).toEqual(before)
  })

  it('keeps a per-file error in the preview and commits only the files that parsed', async () => {
    const bad = join(h.dir, 'shopping.txt')
    await writeFile(bad, 'eggs\nmilk\n')
    h.chosen.push(FIXTURE, bad)
    const preview = (await h.handlers['import:preview']({ source: { kind: 'files' } }))!
    expect(preview.files.map((f) => f.fileName)).toEqual(['pusher-ii-2004.txt', 'shopping.txt'])
    expect(preview.files[1]!.error).toMatch(/shopping\.txt/)
    expect(preview.files[1]!.found).toBe(0)
    const report = await h.handlers['import:commit']({ previewId: preview.previewId })
    expect(report.files.map((f) => f.fileName)).toEqual(['pusher-ii-2004.txt'])
  })

  it('returns null when the file dialog is cancelled', async () => {
    expect(await h.handlers['import:preview']({ source: { kind: 'files' } })).toBeNull()
  })

  it('reads dropped bytes with encoding detection, like a chosen file', async () => {
    const latin1 = Buffer.from(fixture.replace('Pusher II', 'Pusher Ø'), 'latin1')
    const preview = (await h.handlers['import:preview']({
      source: {
        kind: 'bytes',
        files: [{ fileName: 'drop.txt', base64: latin1.toString('base64') }],
      },
    }))!
    expect(preview.files[0]!.works[0]!.title).toBe('Pusher Ø')
  })

  it('re-parses one file with a format override', async () => {
    const preview = await previewText(fixture)
    const file = await h.handlers['import:reparse']({
      previewId: preview.previewId,
      fileIndex: 0,
      options: { format: 'imdb-title-reviews-text' },
    })
    expect(file.formatOverride).toBe('imdb-title-reviews-text')
    expect(file.found).toBe(25)
    await expect(
      h.handlers['import:reparse']({ previewId: preview.previewId, fileIndex: 3, options: {} }),
    ).rejects.toThrow(/no file number 4/)
  })

  it('reports progress and always ends the bar', async () => {
    await previewText(fixture)
    const progress = h.events
      .filter((e) => e.event === 'import:progress')
      .map((e) => e.payload as ImportProgress)
    expect(progress.length).toBeGreaterThan(1)
    expect(progress[0]).toMatchObject({ active: true, fileName: 'Pasted text' })
    expect(progress.at(-1)).toMatchObject({ active: false })
    const fractions = progress.filter((p) => p.active).map((p) => p.fraction)
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b))
  })

  it('stores unparsed fragments with the import and hands them all out as text', async () => {
    const fragments = Array.from({ length: 250 }, (_, i) => ({
      line: 10 + i,
      text: `stray block ${i}`,
    }))
    const report = await commitImport(h.library, [
      parsedFile('junk.txt', [parsedReview()], undefined, { fragments }),
    ])
    const file = report.files[0]!
    expect(file.fragmentCount).toBe(250)
    expect(file.fragments).toHaveLength(200) // the report lists the first 200
    expect(h.library.imports[0]!.fragmentCount).toBe(250)
    const out = await h.handlers['import:fragments']({ recordId: file.recordId })
    expect(out.count).toBe(250)
    expect(out.text).toContain('--- junk.txt, line 259 ---\nstray block 249')
    await expect(h.handlers['import:fragments']({ recordId: 'im_nothing' })).rejects.toThrow(
      /kept no unparsed fragments/,
    )
  })
})
