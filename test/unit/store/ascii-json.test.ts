import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asciiJson, openStoreFile } from '../../../electron/domain/store/store-file'
import { tempDir } from '../support/temp-library'

describe('review files written as ASCII JSON', () => {
  it('round-trips every character, astral and lone surrogates included', () => {
    const value = { a: 'Sørensen 😀 ’ “x” \ud800 ß', b: ['é', 'plain', '\u007f'] }
    const json = asciiJson(JSON.stringify(value))
    expect(json).toMatch(/^[\x20-\x7f]*$/)
    expect(JSON.parse(json)).toEqual(value)
  })

  it('are written as ASCII and read back the same, as are UTF-8 files written before', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const options = {
        kind: 'reviews' as const,
        validate: (d: Record<string, unknown>) => d as { schemaVersion: number; text: string },
        create: () => ({ schemaVersion: 1, text: '' }),
        compact: true,
      }
      const path = join(dir, 'r.json')
      const db = await openStoreFile(path, options)
      db.data = { schemaVersion: 1, text: 'Anne Sørensen — “Pusher II”' }
      await db.write()
      expect(await readFile(path, 'utf8')).toContain('S\\u00f8rensen')
      expect((await openStoreFile(path, options)).data.text).toBe('Anne Sørensen — “Pusher II”')
      const { writeFile } = await import('node:fs/promises')
      await writeFile(path, JSON.stringify({ schemaVersion: 1, text: 'Drasbæk ’' }))
      expect((await openStoreFile(path, options)).data.text).toBe('Drasbæk ’')
    } finally {
      await cleanup()
    }
  })
})
