import { crc32 } from 'node:zlib'

// The layout of the library's derived binary files (search-index.bin, list-cache.bin): a magic
// number, a format version, the JSON header's length and CRC-32; the JSON header (the caller's
// fields, then each section's byte length and CRC-32); then the sections, each padded to 8 bytes
// so typed arrays can view the one buffer the file is read into without a copy. Checksummed per
// section, so any changed byte is noticed and the file read as a miss, never trusted.

const PREFIX = 16

export const pad8 = (n: number): number => (8 - (n % 8)) % 8

/** The CRC-32 of `bytes` followed by its zero padding to 8 bytes, as the file holds them. */
export const checksumOf = (bytes: Uint8Array): number =>
  crc32(new Uint8Array(pad8(bytes.byteLength)), crc32(bytes))

/** Thrown while reading a file that is not what it says; its readers take it as a miss. */
export class DamagedSectionFile extends Error {}

export function check(ok: boolean, what: string): void {
  if (!ok) throw new DamagedSectionFile(what)
}

/** Whether a read error means "damaged, read as a miss" rather than a bug. */
export const isDamage = (e: unknown): boolean =>
  e instanceof DamagedSectionFile || e instanceof SyntaxError || e instanceof RangeError

export interface SectionList {
  /** Byte length of each section, in file order. */
  sections: number[]
  /** CRC-32 of each section with its padding. */
  sums: number[]
}

/** The file's bytes, in order, for `header` (any JSON fields) and `sections`. */
export function sectionFileChunks(
  magic: number,
  version: number,
  header: object,
  sections: readonly Uint8Array[],
): Uint8Array[] {
  const list: SectionList = {
    sections: sections.map((s) => s.byteLength),
    sums: sections.map(checksumOf),
  }
  const json = Buffer.from(JSON.stringify({ ...header, ...list }))
  const prefix = Buffer.alloc(PREFIX)
  prefix.writeUInt32LE(magic, 0)
  prefix.writeUInt32LE(version, 4)
  prefix.writeUInt32LE(json.length, 8)
  prefix.writeUInt32LE(checksumOf(json), 12)
  const chunks: Uint8Array[] = [prefix, json, new Uint8Array(pad8(json.length))]
  for (const s of sections) chunks.push(s, new Uint8Array(pad8(s.byteLength)))
  return chunks
}

export interface SectionReader<H> {
  header: H & SectionList
  /**
   * The next section, its checksum checked (unless the caller's were checked already): a plain
   * Uint8Array view on the file's buffer (Buffer's slice would not copy where callers expect it).
   */
  take(): Uint8Array
  /** Sections listed in the header and not taken yet. */
  remaining(): number
  /** Whether every byte of the file was taken. */
  atEnd(): boolean
}

/**
 * Opens a file's bytes: null for another format version (stale, not damaged); throws
 * DamagedSectionFile for anything that is not such a file. `sumsChecked`: the checksums were
 * checked on these bytes already (search/index-read-worker.ts).
 */
export function readSectionFile<H extends object>(
  raw: Buffer,
  {
    magic,
    version,
    kind,
    sumsChecked = false,
  }: {
    magic: number
    version: number
    kind: string
    sumsChecked?: boolean
  },
): SectionReader<H> | null {
  check(raw.length >= PREFIX, 'too short')
  check(raw.readUInt32LE(0) === magic, `not ${kind}`)
  if (raw.readUInt32LE(4) !== version) return null
  // Typed arrays need aligned offsets: a pooled buffer may start anywhere.
  const buf = raw.byteOffset % 8 === 0 ? raw : Buffer.from(new Uint8Array(raw))
  const jsonLength = buf.readUInt32LE(8)
  check(PREFIX + jsonLength + pad8(jsonLength) <= buf.length, 'header length')
  const headerBytes = buf.subarray(PREFIX, PREFIX + jsonLength + pad8(jsonLength))
  check(sumsChecked || crc32(headerBytes) === buf.readUInt32LE(12), 'header checksum')
  const header = JSON.parse(buf.toString('utf8', PREFIX, PREFIX + jsonLength)) as H & SectionList
  check(
    Array.isArray(header.sections) &&
      Array.isArray(header.sums) &&
      header.sums.length === header.sections.length,
    'section list',
  )
  let at = PREFIX + jsonLength + pad8(jsonLength)
  let next = 0
  return {
    header,
    take() {
      const length = header.sections[next]
      const sum = header.sums[next++]
      check(
        Number.isSafeInteger(length) && length! >= 0 && at + length! + pad8(length!) <= buf.length,
        'truncated',
      )
      const section = new Uint8Array(buf.buffer, buf.byteOffset + at, length!)
      const padded = new Uint8Array(buf.buffer, buf.byteOffset + at, length! + pad8(length!))
      check(sumsChecked || crc32(padded) === sum, `section ${next - 1} checksum`)
      at += length! + pad8(length!)
      return section
    },
    remaining: () => header.sections.length - next,
    atEnd: () => at === buf.length,
  }
}
