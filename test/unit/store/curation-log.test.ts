import { appendFile, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { emptyCuration } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import {
  encodeRecord,
  parseCurationLog,
  type LogGroup,
  type LogItems,
} from '../../../electron/domain/store/curation-log'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

// The curation log's framing: a torn tail (a crash mid-append) is cut off without a word, a
// damaged record before the end is reported and kept, a checksum guards every byte.

let root: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir: root, cleanup } = await tempDir()))
afterEach(() => cleanup())

const MAGIC = Buffer.from('RCCLOG2\n', 'latin1')
const note = (text: string) => ({ ...emptyCuration(), note: text })
const RECORDS: LogItems[] = [
  { rv_aa01: note('first words') },
  { rv_bb02: note('second words'), rv_aa01: null },
  { rv_cc03: note('third words') },
]
const logOf = (records: LogItems[]) =>
  Buffer.concat([MAGIC, ...records.map((r) => encodeRecord(r))])
/** The records read, as the items they were written from (none of these has groups). */
const read = (bytes: Buffer, generation: number) => {
  const parsed = parseCurationLog(bytes, generation)
  return { ...parsed, records: parsed.records.map((r) => (expect(r.groups).toEqual([]), r.items)) }
}

describe('reading the curation log', () => {
  it('reads every whole record of a log cut at any byte, and nothing of the cut one', () => {
    const bytes = logOf(RECORDS)
    const ends = [MAGIC.length]
    for (const r of RECORDS) ends.push(ends.at(-1)! + encodeRecord(r).length)
    for (let cut = MAGIC.length; cut <= bytes.length; cut++) {
      const whole = ends.filter((e) => e <= cut).length - 1
      const parsed = read(bytes.subarray(0, cut), 0)
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
    const parsed = read(bytes, 0)
    expect(parsed.records).toEqual(RECORDS.slice(0, 2))
    expect(parsed.damaged).toBeNull()
  })

  it('reports a damaged record with records after it, and applies those', () => {
    const bytes = logOf(RECORDS)
    bytes[bytes.indexOf('second')] = 'S'.charCodeAt(0)
    const parsed = read(bytes, 0)
    expect(parsed.records).toEqual([RECORDS[0], RECORDS[2]])
    expect(parsed.damaged).toMatchObject({ record: 2, reason: 'its checksum does not match' })
  })

  it('names a record whose checksum holds but whose curation has the wrong shape', () => {
    const bad = { rv_dd04: { ...note('x'), tags: [7] } } as unknown as LogItems
    const parsed = read(logOf([RECORDS[0]!, bad]), 0)
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
    expect(read(bytes, 7).records).toEqual(RECORDS.slice(0, 2))
    expect(read(bytes, 8).records).toEqual(RECORDS)
  })
})

/** A record of any payload, framed and checksummed as the log writes one. */
function frameOf(payload: unknown): Buffer {
  const body = Buffer.from(JSON.stringify(payload), 'utf8')
  const head = Buffer.alloc(8)
  head.writeUInt32LE(body.length, 0)
  head.writeUInt32LE(crc32(body), 4)
  return Buffer.concat([head, body])
}

describe('grouped records: one value for many reviews', () => {
  const shared = { ...emptyCuration(), tags: ['bulk'] }
  const groups: LogGroup[] = [
    { value: shared, ids: ['rv_aa01', 'rv_bb02', 'rv_cc03'] },
    { value: null, ids: ['rv_dd04', 'rv_ee05'] },
  ]
  const grouped = () => encodeRecord({ rv_ff06: note('alone') }, undefined, groups)

  it('reads back what was written, the value once per group', () => {
    const frame = grouped()
    expect(frame.toString('utf8').split('"bulk"')).toHaveLength(2)
    const bytes = Buffer.concat([logOf([RECORDS[0]!]), frame])
    expect(parseCurationLog(bytes, 0)).toEqual({
      records: [
        { items: RECORDS[0], groups: [] },
        { items: { rv_ff06: note('alone') }, groups },
      ],
      end: bytes.length,
      damaged: null,
    })
  })

  it('cuts a torn grouped record off silently, at any byte', () => {
    const head = logOf([RECORDS[0]!])
    const bytes = Buffer.concat([head, grouped()])
    for (let cut = head.length; cut < bytes.length; cut++) {
      const parsed = parseCurationLog(bytes.subarray(0, cut), 0)
      expect({ cut, n: parsed.records.length, end: parsed.end, damaged: parsed.damaged }).toEqual({
        cut,
        n: 1,
        end: head.length,
        damaged: null,
      })
    }
  })

  const damaged: [string, unknown, string][] = [
    ['not a list', { a: 1 }, 'its "groups" is not a list'],
    ['a group that is no object', [7], 'groups[0] is not an object'],
    [
      'a value of the wrong shape',
      [groups[0], { value: { tags: 'x' }, ids: ['rv_aa01'] }],
      'groups[1].value does not have the shape of a curation',
    ],
    [
      'a missing value',
      [{ ids: ['rv_aa01'] }],
      'groups[0].value does not have the shape of a curation',
    ],
    ['ids that are no list', [{ value: null, ids: 'rv_aa01' }], 'groups[0].ids is not a list'],
    [
      'an id that is no id',
      [{ value: null, ids: ['rv_aa01', 3] }],
      'groups[0].ids[1] is not a review id',
    ],
  ]
  for (const [what, bad, reason] of damaged) {
    it(`names the field of ${what} (its checksum holding), and applies the records after it`, () => {
      const frame = frameOf({ items: {}, groups: bad })
      const bytes = Buffer.concat([logOf([RECORDS[0]!]), frame, encodeRecord(RECORDS[2]!)])
      const parsed = parseCurationLog(bytes, 0)
      expect(parsed.records.map((r) => r.items)).toEqual([RECORDS[0], RECORDS[2]])
      expect(parsed.damaged).toMatchObject({ record: 2, reason })
    })
  }

  it('notices a group whose bytes changed though its JSON still reads (the checksum)', () => {
    const frame = grouped()
    frame[frame.indexOf('rv_bb02') + 3] = 'x'.charCodeAt(0)
    const bytes = Buffer.concat([logOf([RECORDS[0]!]), frame, encodeRecord(RECORDS[2]!)])
    expect(parseCurationLog(bytes, 0).damaged).toMatchObject({
      record: 2,
      reason: 'its checksum does not match',
    })
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

  it('folds a grouped select all + tag and its undo into shards that hold every curation', async () => {
    const dir = join(root, 'lib')
    const library = await openLibrary(dir, { now: steppingClock() })
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()].map((r) => r.id)
    await setNote(library, ids[0]!, 'a note of its own')
    await setMyRating(library, [ids[1]!, ids[2]!], 6)
    const logPath = join(dir, 'curation', 'log.bin')
    const sizeBefore = (await stat(logPath)).size
    await addTags(library, ids, ['bulk'])
    // The reviews that had no curation share one value, frozen: an edit in place would throw.
    const shared = library.storedCuration(ids.at(-1)!)
    expect(library.storedCuration(ids.at(-2)!)).toBe(shared)
    expect(() => (shared.tags as string[]).push('x')).toThrow(TypeError)
    expect(() => Object.assign(shared, { kept: true })).toThrow(TypeError)
    await addTags(library, ids, ['second'])
    await library.history.undo()
    await setMyRating(library, [ids[3]!], 2)
    // The untagged reviews share one new value: written once, with their ids.
    const tail = (await readFile(logPath)).subarray(sizeBefore).toString('utf8')
    expect(tail).toContain('"groups"')
    expect(tail.split('"bulk"').length - 1).toBeLessThan(ids.length)
    const before = ids.map((id) => library.getCuration(id))
    expect(before.filter((c) => c.tags.includes('bulk'))).toHaveLength(ids.length)
    expect(before.filter((c) => c.tags.includes('second'))).toHaveLength(0)
    await library.close()
    // Folded: the shards alone, rebuilt from memory, must hold it all.
    expect((await stat(logPath)).size).toBe(8)
    const again = await openLibrary(dir)
    expect(ids.map((id) => again.getCuration(id))).toEqual(before)
    await again.close()
  })

  it('opens a log of the first format (RCCLOG1), and appends to it under the new header', async () => {
    const dir = join(root, 'lib')
    const ids = await crashed(dir)
    const logPath = join(dir, 'curation', 'log.bin')
    const bytes = await readFile(logPath)
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('RCCLOG2\n')
    await writeFile(logPath, Buffer.concat([Buffer.from('RCCLOG1\n', 'latin1'), bytes.subarray(8)]))
    const library = await openLibrary(dir, { now: steppingClock() })
    expect(library.notices).toEqual([])
    expect(library.getCuration(ids[0]!).tags).toEqual(['kept-line'])
    expect(library.getCuration(ids[1]!).note).toBe('before the crash')
    // Rewritten with the new header before anything could be appended under the old one.
    expect(await readFile(logPath)).toEqual(Buffer.concat([MAGIC, bytes.subarray(8)]))
    await addTags(library, ids, ['after'])
    expect(parseCurationLog(await readFile(logPath), 1e9).damaged).toBeNull()
    await library.close()
    const again = await openLibrary(dir)
    expect(again.getCuration(ids[2]!)).toMatchObject({ myRating: 4, tags: ['after'] })
    expect(again.getCuration(ids[0]!).tags).toEqual(['kept-line', 'after'])
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
