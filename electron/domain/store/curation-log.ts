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
//   record = u32 LE payload length, u32 LE CRC-32 of the payload, payload (UTF-8 JSON {items})
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
const MAGIC = Buffer.from('RCCLOG1\n', 'latin1')
const FRAME = 8

/** One record: review id → its whole curation, or null when it has none any more. */
export type LogItems = Record<string, Curation | null>

export interface ParsedLog {
  /** The records that read, in order. */
  records: LogItems[]
  /** Where the last good record ends: what the file is cut back to. */
  end: number
  /** A record that is not the torn tail (or the header) failed its checks. */
  damaged: { record: number; offset: number; reason: string } | null
}

export function encodeRecord(items: LogItems, generation?: number): Buffer {
  const text = JSON.stringify(generation === undefined ? { items } : { generation, items })
  // Encoded straight into the frame: a select-all record is about 19 MB at 100,000 reviews.
  const length = Buffer.byteLength(text, 'utf8')
  const frame = Buffer.allocUnsafe(FRAME + length)
  frame.write(text, FRAME, 'utf8')
  frame.writeUInt32LE(length, 0)
  frame.writeUInt32LE(crc32(frame.subarray(FRAME)), 4)
  return frame
}

/** The record of a payload whose checksum matched; throws naming the field that is wrong. */
function decodeRecord(payload: Buffer): { items: LogItems; generation: number } {
  const value = JSON.parse(payload.toString('utf8')) as {
    items?: unknown
    generation?: unknown
  } | null
  const items = value?.items
  const generation = value?.generation ?? 0
  if (typeof generation !== 'number') throw new Error('its "generation" is not a number')
  if (typeof items !== 'object' || items === null || Array.isArray(items))
    throw new Error('it has no "items" object')
  for (const [id, curation] of Object.entries(items as Record<string, unknown>)) {
    if (curation === null) continue
    const result = CurationRecord.safeParse(curation)
    if (!result.success) throw new Error(`items.${id} does not have the shape of a curation`)
  }
  return { items: items as LogItems, generation }
}

/**
 * Reads the records of a log file's bytes (pure: the tests feed it cut and damaged copies), for a
 * library.json of `generation`.
 */
export function parseCurationLog(bytes: Buffer, generation: number): ParsedLog {
  const records: LogItems[] = []
  if (bytes.length < MAGIC.length || !bytes.subarray(0, MAGIC.length).equals(MAGIC))
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
        const record = decodeRecord(payload)
        records.push(record.items)
        last = { offset, ahead: record.generation > generation, index }
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
  async append(items: LogItems, label: string, generation?: number): Promise<number> {
    const frame = encodeRecord(items, generation)
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
): Promise<{ log: CurationLog; records: LogItems[] }> {
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
    const merged: LogItems = Object.assign({}, ...parsed.records) as LogItems
    const records = parsed.records.length > 0 ? [merged] : []
    const content = Buffer.concat([MAGIC, ...records.map(encodeRecord)])
    await commitFile(path, content, fs)
    return { log: new CurationLog(path, fs, content.length), records }
  }
  const log = new CurationLog(path, fs, parsed.end)
  if (parsed.end < bytes.length) await log.cutTo(parsed.end)
  return { log, records: parsed.records }
}
