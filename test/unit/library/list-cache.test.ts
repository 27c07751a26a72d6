import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import { openLibrary } from '../../../electron/domain/library/open-library'
import {
  LIST_CACHE_FILE,
  listCacheBytes,
  listCacheStamp,
  readListCache,
  writeListCache,
} from '../../../electron/domain/library/list-cache'
import { reviewFilesStamp } from '../../../electron/domain/search/review-files-stamp'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from '../search/search-fixture'

let dir: string
let cleanup: () => Promise<void>
let reviews: Review[]
let works: ReturnType<Awaited<ReturnType<typeof openLibrary>>['allWorks']>

beforeAll(async () => {
  const temp = await tempDir()
  dir = temp.dir
  cleanup = temp.cleanup
  const library = await openLibrary(dir, { now: steppingClock() })
  await fillLibrary(library, 300)
  works = library.allWorks()
  reviews = works.flatMap((w) => library.reviewsOfWork(w.id))
  await library.close()
})
afterAll(() => cleanup())

const withoutBody = (r: Review) => ({ ...r, body: '' })

async function writeCurrent(list = reviews): Promise<string> {
  const stamp = await reviewFilesStamp(dir)
  const bytes = await listCacheBytes(listCacheStamp(stamp, list.length), works, list)
  await writeListCache(dir, bytes!)
  return stamp
}

describe('list-cache.bin', () => {
  it('gives back every review field but the body, in order, with the bodies’ lengths', async () => {
    const stamp = await writeCurrent()
    const listed = await readListCache(dir, stamp)
    expect(listed).not.toBeNull()
    expect(listed!.works).toEqual(works)
    expect(listed!.reviews).toEqual(reviews.map(withoutBody))
    // Serialised alike: the same keys in the same order as the reviews read from their files.
    expect(listed!.reviews.map((r) => JSON.stringify(r))).toEqual(
      reviews.map((r) => JSON.stringify(withoutBody(r))),
    )
    expect(reviews.every((r) => listed!.bodyLengths.get(r.id) === r.body.length)).toBe(true)
    expect(reviews.some((r) => r.body.length > 0)).toBe(true)
  })

  it('keeps the rarer shapes: no rating, no date, no helpful votes, other bylines, other key order', async () => {
    const [a, b, c, ...rest] = reviews
    const odd: Review[] = [
      { ...a!, rating: null, date: null, helpful: null, bylineAlternatives: [] },
      {
        ...b!,
        rating: 7.5,
        bylineAmbiguous: true,
        bylineAlternatives: [
          { author: 'Someone Else', date: '2001-02-03' },
          { author: b!.author, date: b!.date ?? '2001-01-01' },
        ],
        spoiler: true,
        truncated: true,
        title: 'Ünïcödé “quoted” headline',
      },
      // The same fields in another order (as an older writer might have left them).
      Object.fromEntries(Object.entries(c!).reverse()) as Review,
      ...rest,
    ]
    const stamp = await writeCurrent(odd)
    const listed = await readListCache(dir, stamp)
    expect(listed!.reviews.map((r) => JSON.stringify(r))).toEqual(
      odd.map((r) => JSON.stringify(withoutBody(r))),
    )
  })

  it('is not written for a review whose text holds a NUL (it could not be split back)', async () => {
    const bytes = await listCacheBytes('s', works, [{ ...reviews[0]!, title: 'a\u0000b' }])
    expect(bytes).toBeNull()
  })

  it('is ignored once a review file changed after it was written', async () => {
    const stamp = await writeCurrent()
    expect(await readListCache(dir, stamp)).not.toBeNull()
    const file = join(dir, 'reviews', `${works[0]!.id}.json`)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"title":"', '"title":"Changed '))
    const now = await reviewFilesStamp(dir)
    expect(now).not.toBe(stamp)
    expect(await readListCache(dir, now)).toBeNull()
    await writeFile(file, text)
  })

  it('is ignored when its review count does not match its stamp', async () => {
    const stamp = await reviewFilesStamp(dir)
    const bytes = await listCacheBytes(listCacheStamp(stamp, reviews.length + 1), works, reviews)
    await writeListCache(dir, bytes!)
    expect(await readListCache(dir, stamp)).toBeNull()
  })

  it('notices any one flipped byte, anywhere in the file', async () => {
    const stamp = await writeCurrent()
    const file = join(dir, LIST_CACHE_FILE)
    const good = await readFile(file)
    // Every section, the header and the prefix: a spread of positions through the whole file.
    const positions = new Set<number>([0, 4, 8, 12, 16, 20, good.length - 1])
    for (let i = 1; i < 64; i++) positions.add(Math.floor((good.length * i) / 64))
    for (const at of positions) {
      const bad = Buffer.from(good)
      bad[at] = bad[at]! ^ 0x10
      await writeFile(file, bad)
      expect(await readListCache(dir, stamp), `byte ${at}`).toBeNull()
    }
    await writeFile(file, good.subarray(0, good.length - 9))
    expect(await readListCache(dir, stamp)).toBeNull()
    await writeFile(file, good)
    expect(await readListCache(dir, stamp)).not.toBeNull()
  })
})
