import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { asciiJson, openStoreFile } from '../../../electron/domain/store/store-file'
import { jsonPieces, writeJsonChunked } from '../../../electron/domain/store/write-json-chunked'
import { tempDir } from '../support/temp-library'

/** A review file's shape, with the characters and values JSON treats specially. */
function reviewsFile(count: number) {
  return {
    schemaVersion: 3,
    work: { id: 'wk_1', title: 'Pusher II — “Blod på hænderne”', year: 2004 },
    skipped: undefined,
    reviews: Array.from({ length: count }, (_, i) => ({
      id: `rv_${i}`,
      title: i % 3 === 0 ? `Søren’s take 😀 #${i}` : `plain ${i}`,
      body: `Line one\nline "two" \\ back\tslash \u0001 \ud800 ${'é'.repeat(i % 7)}`,
      rating: i % 11 === 0 ? null : i % 10,
      helpful: i % 4 === 0 ? { up: i, total: i + 2 } : null,
      missing: undefined,
      alternatives: i % 5 === 0 ? ['a', undefined, 'b'] : [],
    })),
  }
}

describe('jsonPieces', () => {
  it('joins to exactly what JSON.stringify writes', () => {
    const values: unknown[] = [
      reviewsFile(25),
      [1, undefined, () => 1, 'x'],
      { a: [], b: {}, c: new Date(0), d: [new Date(1)], e: () => 1, f: null },
      'just a string',
      42,
      [],
      {},
    ]
    for (const value of values) expect([...jsonPieces(value)].join('')).toBe(JSON.stringify(value))
  })

  it('refuses data JSON cannot write', () => {
    expect(() => [...jsonPieces(undefined)]).toThrow(/not JSON/)
  })
})

describe('writeJsonChunked', () => {
  it('writes the same bytes as one stringify, in ASCII and in UTF-8', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const data = reviewsFile(500)
      const ascii = join(dir, 'ascii.json')
      const utf8 = join(dir, 'utf8.json')
      // Small chunks: hundreds of writes, chunk edges inside strings and surrogate pairs.
      await writeJsonChunked(ascii, data, { asciiOnly: true, chunkChars: 97 })
      await writeJsonChunked(utf8, data, { chunkChars: 97 })
      const expectedAscii = Buffer.from(asciiJson(JSON.stringify(data)), 'utf8')
      expect((await readFile(ascii)).equals(expectedAscii)).toBe(true)
      expect((await readFile(utf8)).equals(Buffer.from(JSON.stringify(data), 'utf8'))).toBe(true)
      expect(await readdir(dir)).toEqual(['ascii.json', 'utf8.json'])
    } finally {
      await cleanup()
    }
  })

  it('is what compact store files write, byte for byte', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const path = join(dir, 'wk_1.json')
      const db = await openStoreFile(path, {
        kind: 'reviews',
        validate: (d) => d as ReturnType<typeof reviewsFile>,
        create: () => reviewsFile(0),
        compact: true,
      })
      db.data = reviewsFile(300)
      await db.write()
      const expected = Buffer.from(asciiJson(JSON.stringify(reviewsFile(300))), 'utf8')
      expect((await readFile(path)).equals(expected)).toBe(true)
    } finally {
      await cleanup()
    }
  })

  it('leaves the old file intact and no temp file when serialising fails midway', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      const path = join(dir, 'wk_1.json')
      await writeFile(path, 'the old file')
      const data = reviewsFile(400)
      const broken = {
        toJSON: () => {
          throw new Error('review 300 cannot be written')
        },
      }
      const failing = { ...data, reviews: [...data.reviews.slice(0, 300), broken] }
      await expect(
        writeJsonChunked(path, failing, { asciiOnly: true, chunkChars: 64 }),
      ).rejects.toThrow('review 300 cannot be written')
      expect(await readFile(path, 'utf8')).toBe('the old file')
      expect(await readdir(dir)).toEqual(['wk_1.json'])
    } finally {
      await cleanup()
    }
  })

  it('removes its temp file when the rename fails', async () => {
    const { dir, cleanup } = await tempDir()
    try {
      // A folder where the file should go: everything is written, then the rename is refused.
      const path = join(dir, 'wk_1.json')
      await mkdir(join(path, 'inside'), { recursive: true })
      await expect(writeJsonChunked(path, reviewsFile(10))).rejects.toThrow()
      expect(await readdir(dir)).toEqual(['wk_1.json'])
      expect(await readdir(path)).toEqual(['inside'])
    } finally {
      await cleanup()
    }
  })
})
