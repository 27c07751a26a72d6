import { appendFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { emptyCuration } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import {
  encodeRecord,
  parseCurationLog,
  type LogItems,
} from '../../../electron/domain/store/curation-log'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

// The curation log's framing: a torn tail (a crash mid-append) is cut off without a word, a
// damaged record before the end is reported and kept, a checksum guards every byte.

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir: root, cleanup } = await tempDir()))
afterEach(() => cleanup())

const MAGIC = Buffer.from('RCCLOG1\n', 'latin1')
const note = (text: string) => ({ ...emptyCuration(), note: text })
const RECORDS: LogItems[] = [
  { rv_aa01: note('first words') },
  { rv_bb02: note('second words'), rv_aa01: null },
  { rv_cc03: note('third words') },
]
const logOf = (records: LogItems[]) =>
  Buffer.concat([MAGIC, ...records.map((r) => encodeRecord(r))])

describe('reading the curation log', () => {
  it('reads every whole record of a log cut at any byte, and nothing of the cut one', () => {
    const bytes = logOf(RECORDS)
    const ends = [MAGIC.length]
    for (const r of RECORDS) ends.push(ends.at(-1)! + encodeRecord(r).length)
    for (let cut = MAGIC.length; cut <= bytes.length; cut++) {
      const whole = ends.filter((e) => e <= cut).length - 1
      const parsed = parseCurationLog(bytes.subarray(0, cut), 0)
      expect({ cut, records: parsed.records, end: parsed.end, damaged: parsed.damaged }).toEqual({
        cut,
        records: RECORDS.slice(0, whole),
        end: ends[whole],
        damaged: null,
      })
    }
  })

  it('drops a last record whose bytes changed though its JSON still reads (the checksum)', () => {
    const bytes = logOf(RECORDS)
    const at = bytes.lastIndexOf('third')
    bytes[at + 1] = 'x'.charCodeAt(0) // "txird words": valid JSON, wrong bytes
    const parsed = parseCurationLog(bytes, 0)
    expect(parsed.records).toEqual(RECORDS.slice(0, 2))
    expect(parsed.damaged).toBeNull()
  })

  it('reports a damaged record with records after it, and applies those', () => {
    const bytes = logOf(RECORDS)
    bytes[bytes.indexOf('second')] = 'S'.charCodeAt(0)
    const parsed = parseCurationLog(bytes, 0)
    expect(parsed.records).toEqual([RECORDS[0], RECORDS[2]])
    expect(parsed.damaged).toMatchObject({ record: 2, reason: 'its checksum does not match' })
  })

  it('names a record whose checksum holds but whose curation has the wrong shape', () => {
    const bad = { rv_dd04: { ...note('x'), tags: [7] } } as unknown as LogItems
    const parsed = parseCurationLog(logOf([RECORDS[0]!, bad]), 0)
    expect(parsed.records).toEqual([RECORDS[0]])
    expect(parsed.damaged).toMatchObject({
      record: 2,
      reason: 'items.rv_dd04 does not have the shape of a curation',
    })
  })

  it('calls a file without the header damaged as a whole', () => {
    const parsed = parseCurationLog(Buffer.from('{"items":{}}'), 0)
    expect(parsed).toMatchObject({ records: [], end: 0, damaged: { record: 0 } })
  })

  it('drops a last record written ahead of a library.json that never landed', () => {
    const bytes = Buffer.concat([logOf(RECORDS.slice(0, 2)), encodeRecord(RECORDS[2]!, 8)])
    expect(parseCurationLog(bytes, 7).records).toEqual(RECORDS.slice(0, 2))
    expect(parseCurationLog(bytes, 8).records).toEqual(RECORDS)
  })
})

describe('a library with a curation log', () => {
  async function curated(dir: string) {
    const library = await openLibrary(dir, { now: steppingClock() })
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    await addTags(library, [ids[0]!], ['kept-line'])
    await setNote(library, ids[1]!, 'before the crash')
    await setMyRating(library, [ids[2]!], 4)
    return { library, ids }
  }

  /** Leaves the library as a kill would: the log unfolded (a close would fold it). */
  async function crashed(dir: string) {
    const made = await curated(dir)
    const folder = join(dir, 'curation')
    const before = new Map<string, Buffer>()
    for (const name of await readdir(folder)) before.set(name, await readFile(join(folder, name)))
    await made.library.close()
    // The shards as they were before the fold, and the log as the kill left it.
    for (const name of await readdir(folder)) if (!before.has(name)) await rm(join(folder, name))
    for (const [name, bytes] of before) await writeFile(join(folder, name), bytes)
    return made.ids
  }

  it('replays the log over the shards on open; a torn tail is cut off silently', async () => {
    const dir = join(root, 'lib')
    const ids = await crashed(dir)
    const logPath = join(dir, 'curation', 'log.bin')
    const size = (await stat(logPath)).size
    expect(size).toBeGreaterThan(8)
    await appendFile(
      logPath,
      encodeRecord({ [ids[3]!]: note('never acknowledged') }).subarray(0, 20),
    )
    const library = await openLibrary(dir)
    expect(library.notices).toEqual([])
    expect(library.getCuration(ids[0]!).tags).toEqual(['kept-line'])
    expect(library.getCuration(ids[1]!).note).toBe('before the crash')
    expect(library.getCuration(ids[2]!).myRating).toBe(4)
    expect(library.getCuration(ids[3]!).note).toBeNull()
    expect((await stat(logPath)).size).toBe(size)
    // An edit after the cut lands where the torn record was, and reads back.
    await setNote(library, ids[3]!, 'after the crash')
    await library.close()
    const again = await openLibrary(dir)
    expect(again.getCuration(ids[3]!).note).toBe('after the crash')
    expect(again.notices).toEqual([])
    await again.close()
  })

  it('keeps a log with a damaged record in quarantine/, names it, and opens with the rest', async () => {
    const dir = join(root, 'lib')
    const ids = await crashed(dir)
    const logPath = join(dir, 'curation', 'log.bin')
    const bytes = await readFile(logPath)
    const at = bytes.indexOf('before the crash')
    bytes[at] = 'B'.charCodeAt(0)
    await writeFile(logPath, bytes)
    const library = await openLibrary(dir)
    expect(library.notices).toHaveLength(1)
    expect(library.notices[0]).toMatch(
      /^curation\/log\.bin: record 2 \(at byte \d+\) is damaged \(its checksum does not match\)/,
    )
    const kept = (await readdir(join(dir, 'quarantine'))).filter((n) =>
      n.startsWith('curation-log'),
    )
    expect(kept).toHaveLength(1)
    expect(await readFile(join(dir, 'quarantine', kept[0]!))).toEqual(bytes)
    expect(library.notices[0]).toContain(kept[0])
    // The records around it were applied; the damaged one's edit is lost.
    expect(library.getCuration(ids[0]!).tags).toEqual(['kept-line'])
    expect(library.getCuration(ids[2]!).myRating).toBe(4)
    expect(library.getCuration(ids[1]!).note).toBeNull()
    await library.close()
    // Told once: the log was rewritten without it.
    const again = await openLibrary(dir)
    expect(again.notices).toEqual([])
    expect(again.getCuration(ids[2]!).myRating).toBe(4)
    await again.close()
  })

  it('folds past its size limit, after the edit that crossed it', async () => {
    const dir = join(root, 'lib')
    const library = await openLibrary(dir, { now: steppingClock(), curationLogLimit: 600 })
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    const logPath = join(dir, 'curation', 'log.bin')
    const sizes: number[] = []
    for (const [i, id] of ids.slice(0, 8).entries()) {
      // Each edit waits for the fold the one before it queued.
      await setNote(library, id, `note ${i}`)
      sizes.push((await stat(logPath)).size)
    }
    await library.close()
    const record = sizes[1]! - sizes[0]!
    // Unfolded, eight records would make it eight times as long.
    expect(8 * record).toBeGreaterThan(600 + 2 * record)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(600 + 2 * record)
    const again = await openLibrary(dir)
    expect(ids.slice(0, 8).map((id) => again.getCuration(id).note)).toEqual(
      ids.slice(0, 8).map((_, i) => `note ${i}`),
    )
    await again.close()
  })
})
