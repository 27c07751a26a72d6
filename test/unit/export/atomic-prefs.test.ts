import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXPORT_OPTIONS, type ExportFormat } from '../../../shared/channels/export'
import { encodePieces, writeAtomicStream } from '../../../electron/domain/export/atomic-stream'
import { createExportHandlers } from '../../../electron/app/handlers/export-handlers'
import { exportContext, exportToFile } from '../../../electron/app/export/export-service'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { tempDir } from '../support/temp-library'
import { curatedLibrary, type Curated } from './fixture-library'

let lib: Curated
let out: string
beforeAll(async () => {
  lib = await curatedLibrary()
  out = join(lib.dir, 'out')
  await mkdir(out)
})
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const everything = { label: 'all', query: {} }

describe('encoding the pieces of a chunk', () => {
  it('gives the bytes of the joined text, whether a piece is ASCII, accented, emoji or broken', () => {
    const pieces = [
      'plain ascii',
      '',
      'Sørensen ’quoted’',
      '🎬 film',
      'lone \ud800 half',
      '\u0000\u007f\u0080',
    ]
    expect(encodePieces(pieces, 'utf8').equals(Buffer.from(pieces.join(''), 'utf8'))).toBe(true)
    const bytes = '\u0000\u00ff%PDF'
    expect(encodePieces([bytes], 'latin1').equals(Buffer.from(bytes, 'latin1'))).toBe(true)
  })
})

describe('atomic export', () => {
  it('leaves no file, and no temp file, when a write fails half way', async () => {
    const path = join(out, 'fails.json')
    await expect(
      writeAtomicStream(path, async (sink) => {
        await sink.write('x'.repeat(3 << 20)) // more than one chunk reaches the disk
        throw new Error('disk full')
      }),
    ).rejects.toThrow('disk full')
    expect(await readdir(out)).toEqual([])
  })

  it('leaves an existing file untouched when the export is cancelled', async () => {
    const path = join(out, 'keep.csv')
    await writeFile(path, 'old content')
    const controller = new AbortController()
    const ctx = exportContext(lib.library, everything, DEFAULT_EXPORT_OPTIONS)
    // A selection large enough to need several chunks: the cancel lands between two of them.
    ctx.matches = Array.from({ length: 400 }, () => ctx.matches).flat()
    const run = exportToFile(ctx, {
      format: 'csv',
      path,
      signal: controller.signal,
      onProgress: () => controller.abort(),
    })
    await expect(run).rejects.toMatchObject({ code: 'cancelled' })
    expect(await readFile(path, 'utf8')).toBe('old content')
    expect((await readdir(out)).filter((n) => n.endsWith('.tmp'))).toEqual([])
  })

  it('reports what was written', async () => {
    const path = join(out, 'report.json')
    const ctx = exportContext(lib.library, everything, DEFAULT_EXPORT_OPTIONS)
    const result = await exportToFile(ctx, { format: 'json', path })
    expect(result).toEqual({
      fileName: 'report.json',
      format: 'json',
      count: lib.library.reviewCount,
      bytes: Buffer.byteLength(await readFile(path, 'utf8')),
    })
  })
})

describe('export handlers', () => {
  const handlers = (chosen: (string | null)[]) => {
    const events: unknown[] = []
    const h = createExportHandlers({
      library: lib.library,
      chooseExportPath: async (_f: ExportFormat, name: string) => {
        const next = chosen.shift()
        return next === undefined ? join(out, name) : next
      },
      emit: (event, payload) => void events.push({ event, payload }),
    })
    return { h, events }
  }

  it('counts before writing, writes nothing on cancel, and remembers the last options per format', async () => {
    const { h } = handlers([null])
    const options = {
      ...DEFAULT_EXPORT_OPTIONS,
      fields: 'curation' as const,
      includeSpoilers: false,
    }
    const scope = { kind: 'tag' as const, tag: 'acting' }
    expect(await h['export:count']({ format: 'csv', scope, options })).toEqual({
      count: 1,
      title: 'Pusher II (2004): 1 review tagged “acting”',
      fileName: 'Pusher II (2004) - tag acting.csv',
    })
    expect(await h['export:run']({ format: 'csv', scope, options })).toBeNull()
    const before = await readdir(out)
    const { h: h2, events } = handlers([join(out, 'acting.csv')])
    const result = await h2['export:run']({ format: 'csv', scope, options })
    expect(result).toMatchObject({ fileName: 'acting.csv', count: 1 })
    expect(await readdir(out)).toEqual([...before, 'acting.csv'].sort())
    expect(events.at(-1)).toEqual({ event: 'export:progress', payload: { written: 1, total: 1 } })
    expect((await h2['export:prefs']({})).last.csv).toEqual(options)
  })

  it('refuses PDF without a printer, saying the desktop app is needed', async () => {
    const { h } = handlers([])
    await expect(
      h['export:run']({
        format: 'pdf',
        scope: { kind: 'library' },
        options: DEFAULT_EXPORT_OPTIONS,
      }),
    ).rejects.toThrow(/PDF export needs the desktop app/)
    expect((await h['export:prefs']({})).pdfAvailable).toBe(false)
  })

  it('keeps presets and last settings in library.json across a reopen; old files stay valid', async () => {
    const temp = await tempDir()
    try {
      let library = await openLibrary(temp.dir)
      const h = createExportHandlers({
        library,
        chooseExportPath: async () => null,
        emit: () => undefined,
      })
      const options = { ...DEFAULT_EXPORT_OPTIONS, bom: false }
      await h['export:preset-save']({ name: 'Class handout', format: 'tsv', options })
      await h['export:preset-save']({ name: 'class handout', format: 'md', options })
      await library.close()
      library = await openLibrary(temp.dir)
      expect(library.exportPrefs.exportPresets).toEqual([
        { name: 'class handout', format: 'md', options },
      ])
      await library.close()
      // A library.json from before export settings existed.
      const meta = JSON.parse(await readFile(join(temp.dir, 'library.json'), 'utf8'))
      delete meta.exportSettings
      delete meta.exportPresets
      await writeFile(join(temp.dir, 'library.json'), JSON.stringify(meta))
      library = await openLibrary(temp.dir)
      expect(library.notices).toEqual([])
      expect(library.exportPrefs).toEqual({ exportSettings: {}, exportPresets: [] })
      await library.close()
    } finally {
      await temp.cleanup()
    }
  })
})
