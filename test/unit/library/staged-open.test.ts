import { cp, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Review } from '../../../shared/domain'
import type { Library, LibraryChange } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { listCacheWritten } from '../../../electron/domain/library/list-cache-keeper'
import {
  LIST_CACHE_FILE,
  listCacheBytes,
  listCacheStamp,
  writeListCache,
} from '../../../electron/domain/library/list-cache'
import { reviewFilesStamp } from '../../../electron/domain/search/review-files-stamp'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary } from '../search/search-fixture'

let root: string
let cleanup: () => Promise<void>
/** A library with reviews and a list cache written by a staged open that had to read them all. */
let source: string
/** Every review as a full open reads it. */
let full: Review[]
let copies = 0

beforeAll(async () => {
  const temp = await tempDir()
  root = temp.dir
  cleanup = temp.cleanup
  source = join(root, 'source')
  const library = await openLibrary(source, { now: steppingClock() })
  await fillLibrary(library, 400)
  await library.close()
  const first = await openLibrary(source, { staged: true, listCacheDelayMs: 0 })
  // No cache yet: a staged open is a full open, and writes the cache afterwards.
  expect(first.bodiesLoaded).toBe(true)
  full = [...first.allReviews()].map((r) => ({ ...r }))
  await listCacheWritten(first)
  await first.close()
  expect((await readdir(source)).includes(LIST_CACHE_FILE)).toBe(true)
})
afterAll(() => cleanup())

/**
 * A copy of the library with its own list cache (a copy's modification times lose their
 * nanoseconds, so the source's cache does not describe it): written by a staged open that read
 * every file.
 */
async function copy(): Promise<string> {
  const dir = join(root, `copy-${copies++}`)
  await cp(source, dir, { recursive: true })
  const first = await openLibrary(dir, { staged: true, listCacheDelayMs: 0 })
  expect(first.bodiesLoaded).toBe(true)
  await listCacheWritten(first)
  await first.close()
  return dir
}

/** Holds a staged open's bodies until `release` is called. */
function gate(): { beforeBodies: () => Promise<void>; release: () => void } {
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  return { beforeBodies: () => held, release }
}

function watch(library: Library): LibraryChange[] {
  const seen: LibraryChange[] = []
  library.observe((c) => seen.push(c))
  return seen
}

describe('staged open', () => {
  it('lists every review from the cache at once, then fills the bodies into the same objects', async () => {
    const dir = await copy()
    const { beforeBodies, release } = gate()
    const library = await openLibrary(dir, { staged: true, beforeBodies })
    try {
      expect(library.bodiesLoaded).toBe(false)
      const listed = [...library.allReviews()]
      expect(listed.map((r) => r.id)).toEqual(full.map((r) => r.id))
      expect(listed.every((r) => r.body === '')).toBe(true)
      expect(listed).toEqual(full.map((r) => ({ ...r, body: '' })))
      // A list query sorted by length answers before the bodies, in a full open's order.
      const query = { sort: { field: 'length', dir: 'desc' } } as const
      const byLength = queryReviews(library, query, 0, 20).rows.map((r) => r.id)
      const expected = [...full]
        .sort((a, b) => b.body.length - a.body.length)
        .slice(0, 20)
        .map((r) => r.body.length)
      expect(byLength.map((id) => full.find((r) => r.id === id)!.body.length)).toEqual(expected)

      const seen = watch(library)
      release()
      await library.bodies()
      expect(library.bodiesLoaded).toBe(true)
      expect([...library.allReviews()]).toEqual(full)
      // The very objects listed before (the search engine's columns hold them) got their bodies.
      expect(listed.every((r, i) => r === library.getReview(full[i]!.id))).toBe(true)
      expect(seen.filter((c) => c.kind === 'reviews')).toEqual([])
      // A text query now finds what a full open finds.
      const word = full[5]!.body.split(/\s+/)[0]!
      const hits = queryReviews(library, { q: word }, 0, 1000).total
      expect(hits).toBeGreaterThan(0)
      expect(hits).toBe(
        full.filter((r) => r.body.toLowerCase().includes(word.toLowerCase())).length,
      )
    } finally {
      release()
      await library.close()
    }
  })

  it('never trusts a cache that lies: the files win once read, and observers are told', async () => {
    const dir = await copy()
    const stamp = await reviewFilesStamp(dir)
    // The right stamp over wrong contents: a headline changed and one review left out.
    const lying = full.slice(1).map((r, i) => (i === 0 ? { ...r, title: 'Not what it says' } : r))
    const works = [...new Set(full.map((r) => r.workId))].map((id) => ({
      id,
      title: '',
      year: null,
    }))
    const bytes = await listCacheBytes(listCacheStamp(stamp, lying.length), works, lying)
    await writeListCache(dir, bytes!)
    const { beforeBodies, release } = gate()
    const library = await openLibrary(dir, { staged: true, beforeBodies })
    try {
      expect(library.bodiesLoaded).toBe(false)
      expect(library.getReview(full[1]!.id)!.title).toBe('Not what it says')
      const seen = watch(library)
      release()
      await library.bodies()
      expect([...library.allReviews()]).toEqual(full)
      expect(library.getReview(full[1]!.id)!.title).toBe(full[1]!.title)
      expect(library.allWorks()).not.toContainEqual(works[0])
      expect(seen.some((c) => c.kind === 'reviews')).toBe(true)
      const rows = queryReviews(library, {}, 0, 10_000).rows
      expect(rows.map((r) => r.id).sort()).toEqual(full.map((r) => r.id).sort())
      expect(rows.find((r) => r.id === full[1]!.id)!.title).toBe(full[1]!.title)
    } finally {
      release()
      await library.close()
    }
  })

  it('takes the files that match as they are read, and still lets the files win when one lies', async () => {
    const dir = await copy()
    const works = await (async () => {
      const first = await openLibrary(dir, { staged: true })
      await first.bodies()
      const all = first.allWorks()
      await first.close()
      return all
    })()
    expect(works.length).toBeGreaterThan(2)
    // The right stamp and works, and one headline wrong in the last work's reviews only: every
    // other file matches its listed reviews and is taken as soon as it is read.
    const last = works.at(-1)!.id
    const at = full.findIndex((r) => r.workId === last)
    const lying = full.map((r, i) => (i === at ? { ...r, title: 'Not what it says' } : r))
    const stamp = await reviewFilesStamp(dir)
    const bytes = await listCacheBytes(listCacheStamp(stamp, lying.length), works, lying)
    await writeListCache(dir, bytes!)
    const { beforeBodies, release } = gate()
    const library = await openLibrary(dir, { staged: true, beforeBodies })
    try {
      expect(library.bodiesLoaded).toBe(false)
      const listed = [...library.allReviews()]
      const seen = watch(library)
      release()
      await library.bodies()
      // Every review as a full open reads it, bodies included, also those of the taken files.
      expect([...library.allReviews()]).toEqual(full)
      expect(library.getReview(full[at]!.id)!.title).toBe(full[at]!.title)
      expect(seen.some((c) => c.kind === 'reviews')).toBe(true)
      // The taken files' reviews are the listed objects (they got their bodies back).
      expect(library.getReview(full[0]!.id)).toBe(listed[0])
      expect(listed[0]!.body).toBe(full[0]!.body)
      // And a text query finds what a full open of the same reviews finds.
      const word = full[at]!.body.split(/\s+/)[0]!
      const reference = await openLibrary(source)
      const expected = queryReviews(reference, { q: word }, 0, 1000).total
      await reference.close()
      expect(expected).toBeGreaterThan(0)
      expect(queryReviews(library, { q: word }, 0, 1000).total).toBe(expected)
    } finally {
      release()
      await library.close()
    }
  })

  it('reads the review files as before when one changed since the cache was written', async () => {
    const dir = await copy()
    const name = (await readdir(join(dir, 'reviews')))[0]!
    const file = join(dir, 'reviews', name)
    const text = await readFile(file, 'utf8')
    await writeFile(file, text.replace('"title":"', '"title":"Edited '))
    const library = await openLibrary(dir, { staged: true })
    try {
      expect(library.bodiesLoaded).toBe(true)
      expect(library.allWorks().some((w) => w.title.startsWith('Edited '))).toBe(true)
    } finally {
      await library.close()
    }
  })

  it('recovers a damaged review file while reading the bodies, with a full open’s notice', async () => {
    const dir = await copy()
    const stamp = await reviewFilesStamp(dir)
    const name = (await readdir(join(dir, 'reviews')))[0]!
    const { beforeBodies, release } = gate()
    const library = await openLibrary(dir, { staged: true, beforeBodies })
    try {
      expect(library.bodiesLoaded).toBe(false)
      // Damaged after the cache was checked: only reading the bodies can find it.
      await writeFile(join(dir, 'reviews', name), '{"schemaVersion": 1, "work": {')
      release()
      await library.bodies()
      expect(library.notices.join('\n')).toMatch(new RegExp(`reviews/${name} is damaged`))
      expect((await readdir(join(dir, 'reviews'))).some((n) => n.includes('.damaged-'))).toBe(true)
      expect(await reviewFilesStamp(dir)).not.toBe(stamp)
      // The damaged work's reviews are gone until an import brings them back, as in a full open.
      expect(library.reviewCount).toBeLessThan(full.length)
      expect(library.reviewCount).toBeGreaterThan(0)
    } finally {
      release()
      await library.close()
    }
  })

  it('holds a commit of reviews until the files are read, then writes it on top of them', async () => {
    const dir = await copy()
    const { beforeBodies, release } = gate()
    const library = await openLibrary(dir, { staged: true, beforeBodies })
    try {
      const work = library.allWorks()[0]!
      const ofWork = full.filter((r) => r.workId === work.id)
      const saved = library.saveWorkReviews(work, [{ ...ofWork[0]!, title: 'Saved meanwhile' }])
      let done = false
      void saved.then(() => (done = true))
      await new Promise((resolve) => setTimeout(resolve, 20))
      expect(done).toBe(false)
      release()
      await saved
      await library.bodies()
      expect(library.reviewsOfWork(work.id).map((r) => r.title)).toEqual(['Saved meanwhile'])
      expect(library.reviewCount).toBe(full.length - ofWork.length + 1)
    } finally {
      release()
      await library.close()
    }
    const reopened = await openLibrary(dir)
    expect(reopened.reviewCount).toBe(
      full.length - full.filter((r) => r.workId === full[0]!.workId).length + 1,
    )
    await reopened.close()
  })

  it('writes the cache again after a commit that changed reviews, so the next open is staged', async () => {
    const dir = await copy()
    const library = await openLibrary(dir, { staged: true, listCacheDelayMs: 0 })
    await library.bodies()
    const work = library.allWorks()[1]!
    const kept = library.reviewsOfWork(work.id).slice(1)
    await library.saveWorkReviews(work, kept)
    await listCacheWritten(library)
    await library.close()
    const reopened = await openLibrary(dir, { staged: true })
    try {
      expect(reopened.bodiesLoaded).toBe(false)
      expect(reopened.reviewCount).toBe(full.length - 1)
      await reopened.bodies()
      expect(reopened.reviewCount).toBe(full.length - 1)
    } finally {
      await reopened.close()
    }
  })

  it('stays without bodies when the review files cannot be read: nothing reads or writes empty text', async () => {
    const dir = await copy()
    const library = await openLibrary(dir, {
      staged: true,
      beforeBodies: () => Promise.reject(new Error('EIO: the disk went away')),
    })
    try {
      await expect(library.bodies()).rejects.toThrow(/EIO/)
      expect(library.bodiesLoaded).toBe(false)
      await expect(library.bodies()).rejects.toThrow(/EIO/)
      const work = library.allWorks()[0]!
      await expect(library.saveWorkReviews(work, [])).rejects.toThrow(/Nothing was saved/)
      // Curation is kept apart from the review files: it is still written.
      await library.saveCuration(
        new Map([[full[0]!.id, { ...library.getCuration(full[0]!.id), kept: true }]]),
      )
    } finally {
      await library.close()
    }
    const reopened = await openLibrary(dir)
    expect(reopened.reviewCount).toBe(full.length)
    expect(reopened.getCuration(full[0]!.id).kept).toBe(true)
    await reopened.close()
  })
})
