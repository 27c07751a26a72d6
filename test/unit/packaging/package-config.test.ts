import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// What electron-builder turns into the deb's control file, the .desktop entry and the OS file
// associations (macOS Info.plist, Linux MimeType=): checked at the source, since the installers
// themselves are only built on each OS by the workflow.
const ROOT = resolve(import.meta.dirname, '../../..')
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const build = pkg.build

// The files the import dialog offers (electron/main/dialogs.ts) and the MIME types that name them.
const OPENED = {
  txt: 'text/plain',
  html: 'text/html',
  htm: 'text/html',
  csv: 'text/csv',
  tsv: 'text/tab-separated-values',
  json: 'application/json',
  jsonl: 'application/x-ndjson',
}

describe('installer metadata', () => {
  it('names a maintainer as "Name <email>", the same as the package author', () => {
    expect(build.linux.maintainer).toMatch(/^[^<>]+ <[^@\s]+@[^@\s]+\.[a-z]+>$/)
    expect(build.linux.maintainer).toBe(`${pkg.author.name} <${pkg.author.email}>`)
  })

  it('has a desktop entry with a name, an icon and an Office category', () => {
    const entry = build.linux.desktop.entry
    expect(entry.Name).toBe('Review Curator')
    expect(entry.Comment).toBeTruthy()
    expect(entry.Categories.split(';')).toContain('Office')
    expect(build.linux.icon).toBe('build/icon.png')
    expect(readFileSync(join(ROOT, build.linux.icon)).subarray(1, 4).toString()).toBe('PNG')
  })

  it('associates every file type the app opens, with its MIME type, without claiming them', () => {
    const byExt = new Map<string, { mimeType: string; rank: string }>()
    for (const a of build.fileAssociations)
      for (const ext of [a.ext].flat() as string[]) byExt.set(ext, a)
    for (const [ext, mime] of Object.entries(OPENED)) {
      expect(byExt.get(ext)?.mimeType, ext).toBe(mime)
      // "Alternate": offered in Open With, never made the default app for .txt or .json.
      expect(byExt.get(ext)?.rank, ext).toBe('Alternate')
    }
  })
})
