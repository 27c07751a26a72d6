import { mkdir, readFile, truncate } from 'node:fs/promises'
import { join } from 'node:path'
import { crc32 } from 'node:zlib'
import type { Curation } from '../../../shared/domain'
import { CurationRecord } from '../../../shared/records/curation'
import { commitFile, nodeFs, type DurableFs, type WritableHandle } from './durable-write'
import { QUARANTINE_DIR } from './quarantine'
import { IncompleteCommitError } from './transaction'

// The curation log: curation/log.bin, a small write-ahead log. A curation-only commit (a tag,
// a rating, a note, or select all + tag) appends one record holding the changed reviews' whole
// new curation (null: none left) instead of rewriting curation shards, so it costs one write and
// one fdatasync. Opening reads the shards, then replays the records in order; since each holds
// whole values, replaying a record the shards already hold changes nothing. The log is folded
// into the shards (a journalled commit) and only then reset (a rename), so a crash between the
// two replays records the shards already hold.
//
//   file   = MAGIC record*
//   record = u32 LE payload length, u32 LE CRC-32 of the payload, payload (UTF-8 JSON
//            {generation?, items, groups?})
//
// `groups` ([{value, ids}]) holds a value shared by many reviews once, with their ids: select all
// + tag gives 100,000 untagged reviews the same new curation, and its undo gives them all null.
// Writing it once per review made a 19 MB record whose encoding was most of the edit's cost. The
// header is RCCLOG2 since groups came in: a build that knew only RCCLOG1 would read such a record
// and silently skip its groups, where a header it does not know makes it keep the file aside and
// say so. A RCCLOG1 log (no groups) is read as before and its header rewritten at open.
//
// A commit that also changes library.json (select all + a new tag) appends its record with the
// generation the new library.json will have, then writes library.json. A crash in between leaves
// a last record ahead of library.json: it is dropped like a torn one, so both land or neither.
//
// An append that a crash cut short leaves a torn last record: its frame runs past the end of the
// file or its checksum fails. It was never acknowledged, so it is cut off without a word. A bad
// record with records after it was damaged later: the file is kept in quarantine/ and the user
// told which record was lost.

export const CURATION_LOG = join('curation', 'log.bin')
const MAGIC = Buffer.from('RCCLOG2\n', 'latin1')
/** The header before groups; read, and rewritten as MAGIC (the same length) on open. */
const MAGIC_V1 = Buffer.from('RCCLOG1\n', 'latin1')
const FRAME = 8

/** Review id → its whole curation, or null when it has none any more. */
export type LogItems = Record<string, Curation | null>

/** One value given to many reviews (the same object: it is never changed in place). */
export interface LogGroup {
  value: Curation | null
  ids: string[]
}

/** One record: each id is in `items` or in one group, never both. */
export interface LogRecord {
  items: LogItems
  groups: LogGroup[]
}

export interface ParsedLog {
  /** The records that read, in order. */
  records: LogRecord[]
  /** Where the last good record ends: what the file is cut back to. */
  end: number
  /** A record that is not the torn tail (or the header) failed its checks. */
  damaged: { record: number; offset: number; reason: string } | null
}

export function encodeRecord(
  items: LogItems,
  generation?: number,
  groups: readonly LogGroup[] = [],
): Buffer {
  const payload: { generation?: number; items: LogItems; groups?: readonly LogGroup[] } = {
    ...(generation === undefined ? {} : { generation }),
    items,
    ...(groups.length > 0 ? { groups } : {}),
  }
  const text = JSON.stringify(payload)
  // Encoded straight into the frame: a select-all record is about 19 MB at 100,000 reviews.
  const length = Buffer.byteLength(text, 'utf8')
  const frame = Buffer.allocUnsafe(FRAME + length)
  frame.write(text, FRAME, 'utf8')
  frame.writeUInt32LE(length, 0)
  frame.writeUInt32LE(crc32(frame.subarray(FRAME)), 4)
  return frame
}

const isCuration = (value: unknown) => value === null || CurationRecord.safeParse(value).success

/** A record's groups, checked (a value once per group); throws naming the field that is wrong. */
function decodeGroups(groups: unknown): LogGroup[] {
  if (groups === undefined) return []
  if (!Array.isArray(groups)) throw new Error('its "groups" is not a list')
  groups.forEach((group: unknown, g) => {
    const { value, ids } = (group ?? {}) as { value?: unknown; ids?: unknown }
    if (typeof group !== 'object' || group === null || Array.isArray(group))
      throw new Error(`groups[${g}] is not an object`)
    if (value === undefined || !isCuration(value))
      throw new Error(`groups[${g}].value does not have the shape of a curation`)
    if (!Array.isArray(ids)) throw new Error(`groups[${g}].ids is not a list`)
    const bad = ids.findIndex((id) => typeof id !== 'string' || id === '')
    if (bad >= 0) throw new Error(`groups[${g}].ids[${bad}] is not a review id`)
  })
  return groups as LogGroup[]
}

/** The record of a payload whose checksum matched; throws naming the field that is wrong. */
function decodeRecord(payload: Buffer): LogRecord & { generation: number } {
  const value = JSON.parse(payload.toString('utf8')) as {
    items?: unknown
    groups?: unknown
    generation?: unknown
  } | null
  const items = value?.items
  const generation = value?.generation ?? 0
  if (typeof generation !== 'number') throw new Error('its "generation" is not a number')
  if (typeof items !== 'object' || items === null || Array.isArray(items))
    throw new Error('it has no "items" object')
  for (const [id, curation] of Object.entries(items as Record<string, unknown>)) {
    if (!isCuration(curation)) throw new Error(`items.${id} does not have the shape of a curation`)
  }
  return { items: items as LogItems, groups: decodeGroups(value?.groups), generation }
}

/**
 * Reads the records of a log file's bytes (pure: the tests feed it cut and damaged copies), for a
 * library.json of `generation`.
 */
export function parseCurationLog(bytes: Buffer, generation: number): ParsedLog {
  const records: LogRecord[] = []
  const header = bytes.subarray(0, MAGIC.length)
  if (!header.equals(MAGIC) && !header.equals(MAGIC_V1))
    return {
      records,
      end: 0,
      damaged: { record: 0, offset: 0, reason: 'its header is not a curation log’s' },
    }
  let offset = MAGIC.length
  let end = offset
  let damaged: ParsedLog['damaged'] = null
  let index = 0
  /** Where the last record that read starts, and whether it is ahead of library.json. */
  let last = { offset: 0, ahead: false, index: 0 }
  while (offset + FRAME <= bytes.length) {
    const length = bytes.readUInt32LE(offset)
    const next = offset + FRAME + length
    if (next > bytes.length) break
    const payload = bytes.subarray(offset + FRAME, next)
    const intact = crc32(payload) === bytes.readUInt32LE(offset + 4)
    // The last record's checksum fails when a crash extended the file but lost its data.
    if (!intact && next === bytes.length) break
    index++
    let reason: string | null = null
    if (!intact) reason = 'its checksum does not match'
    else {
      try {
        const { items, groups, generation: written } = decodeRecord(payload)
        records.push({ items, groups })
        last = { offset, ahead: written > generation, index }
      } catch (e) {
        reason = e instanceof Error ? e.message : String(e)
      }
    }
    if (reason !== null) {
      damaged ??= { record: index, offset, reason }
      // Later records are still whole edits of their own: they are applied.
    }
    offset = end = next
  }
  // library.json of that commit never landed: the record goes, as a torn one would.
  if (last.ahead && last.index === index) {
    records.pop()
    end = last.offset
  }
  return { records, end, damaged }
}

/** An append that failed and could not be taken back: whether it was saved is known only on reopening. */
export class UncertainAppendError extends IncompleteCommitError {
  constructor(label: string, cause: unknown) {
    super(label, cause)
    this.message = `“${label}” may or may not have been saved (${cause instanceof Error ? cause.message : String(cause)}); close the library and open it again to see which`
  }
}

const datasync = (handle: WritableHandle) => (handle.datasync ? handle.datasync() : handle.sync())

/** The open log: appends records, and is reset to empty once the shards hold them. */
export class CurationLog {
  constructor(
    readonly path: string,
    private readonly fs: DurableFs,
    /** Bytes on disk; 0 while the file does not exist. */
    private bytes: number,
  ) {}

  /** Bytes of records waiting to be folded into the shards. */
  get pending(): number {
    return Math.max(0, this.bytes - MAGIC.length)
  }

  /**
   * Appends one record durably (with the generation of the library.json written next, if any);
   * a refused append leaves the file as it was. Returns the length to take it back to.
   */
  async append({ items, groups }: LogRecord, label: string, generation?: number): Promise<number> {
    const frame = encodeRecord(items, generation, groups)
    // Created by rename (so never half there); the folder fsync makes its name durable, once.
    if (this.bytes === 0) {
      await commitFile(this.path, MAGIC, this.fs)
      this.bytes = MAGIC.length
    }
    const handle = await this.fs.open(this.path, 'a')
    try {
      try {
        const written = (await handle.write(frame)) as { bytesWritten?: number } | undefined
        if (written?.bytesWritten !== undefined && written.bytesWritten < frame.length)
          throw Object.assign(new Error('ENOSPC: the curation log write was cut short'), {
            code: 'ENOSPC',
          })
        await datasync(handle)
      } finally {
        await handle.close()
      }
    } catch (e) {
      // A refused edit must not come back at the next open: the log is cut back to what it was.
      await this.cutTo(this.bytes).catch((undo: unknown) => {
        throw new UncertainAppendError(label, undo)
      })
      throw e
    }
    const before = this.bytes
    this.bytes += frame.length
    return before
  }

  /** Takes back records appended since the log was `length` long (their commit was refused). */
  async takeBack(length: number, label: string): Promise<void> {
    await this.cutTo(length).catch((undo: unknown) => {
      throw new UncertainAppendError(label, undo)
    })
    this.bytes = length
  }

  /** Empties the log by replacing it whole: a crash leaves the old records or none. */
  async reset(): Promise<void> {
    await commitFile(this.path, MAGIC, this.fs)
    this.bytes = MAGIC.length
  }

  /** Cuts the file back to `length` bytes, durably. */
  async cutTo(length: number): Promise<void> {
    const handle = await this.fs.open(this.path, 'r+')
    try {
      if (handle.truncate) await handle.truncate(length)
      else await truncate(this.path, length)
      await datasync(handle)
    } finally {
      await handle.close()
    }
  }
}

/**
 * Opens the log of the library in `dir`: its records in order (what opening replays over the
 * shards), a torn tail cut off, a damaged record's file kept in quarantine/ and the log rewritten
 * as one record of what did read, with a notice.
 */
export async function openCurationLog(
  dir: string,
  {
    fs = nodeFs,
    now,
    notices,
    generation,
  }: { fs?: DurableFs; now: Date; notices: string[]; generation: number },
): Promise<{ log: CurationLog; records: LogRecord[] }> {
  const path = join(dir, CURATION_LOG)
  const bytes = await readFile(path).catch((e: NodeJS.ErrnoException) => {
    if (e.code === 'ENOENT') return null
    throw e
  })
  if (bytes === null) return { log: new CurationLog(path, fs, 0), records: [] }
  const parsed = parseCurationLog(bytes, generation)
  if (parsed.damaged) {
    await mkdir(join(dir, QUARANTINE_DIR), { recursive: true })
    const kept = join(
      dir,
      QUARANTINE_DIR,
      `curation-log-${now.toISOString().replace(/[:.]/g, '-')}.bin`,
    )
    await commitFile(kept, bytes, fs)
    const { record, offset, reason } = parsed.damaged
    const where = record === 0 ? 'its header' : `record ${record} (at byte ${offset})`
    notices.push(
      `${CURATION_LOG.split('\\').join('/')}: ${where} is damaged (${reason}); the curation edits it held are lost, the other ${parsed.records.length} record(s) were applied. The file is kept as ${kept}.`,
    )
    const merged: LogItems = {}
    for (const { items, groups } of parsed.records) {
      for (const { value, ids } of groups) for (const id of ids) merged[id] = value
      Object.assign(merged, items)
    }
    const records = parsed.records.length > 0 ? [{ items: merged, groups: [] }] : []
    const content = Buffer.concat([MAGIC, ...records.map((r) => encodeRecord(r.items))])
    await commitFile(path, content, fs)
    return { log: new CurationLog(path, fs, content.length), records }
  }
  const log = new CurationLog(path, fs, parsed.end)
  // An older log is given the new header before anything is appended to it (a rename: a crash
  // leaves the old file or the new, each with the same records).
  if (bytes.subarray(0, MAGIC.length).equals(MAGIC_V1))
    await commitFile(path, Buffer.concat([MAGIC, bytes.subarray(MAGIC.length, parsed.end)]), fs)
  else if (parsed.end < bytes.length) await log.cutTo(parsed.end)
  return { log, records: parsed.records }
}
