import { readFile } from 'node:fs/promises'
import { commitFile } from '../store/durable-write'
import { check, isDamage, readSectionFile, sectionFileChunks } from '../store/section-file'
import type { PairSegment } from './lead-pairs'
import { PAIR_BYTES } from './phrase-pairs'
import type { IndexSnapshot, Segment } from './text-index'
import { readIndexInWorker, type IndexBytes } from './index-read-worker'

// The search index persisted beside the library's JSON, so an open does not rebuild it: derived
// data, never the source of truth. The file is stamped with what it was built from (see
// search-engine.ts: the review files' sizes and times, and the reviews in index order) and
// checksummed; a missing, stale or damaged file reads as null and the engine builds afresh.
//
// Layout: 'RCSI', format version, header length, CRC-32 of the header; a JSON header (stamp,
// counts, each section's byte length and CRC-32); then the sections, each padded to 8 bytes so the
// typed arrays can view the one buffer the file is read into without a copy. Per section, so a
// section can be checked where it is taken (and, later, lazily); the postings are no longer
// range-checked one by one (over 15 million at 100,000 reviews): the CRC vouches for them.
// Version 3: postings as delta varints (posting-lists.ts), a smaller pair filter, the lead-word
// pairs of rare words left out (lead-pairs.ts); an older file
// reads as stale and is rebuilt.

const MAGIC = 0x49534352 // 'RCSI' read as a little-endian Uint32
export const INDEX_CACHE_VERSION = 3

interface Header {
  stamp: string
  upTo: number
  termCount: number
  leadOverflow: boolean
  /** Per segment: whether it has a term id list (a merged segment has none). */
  segments: boolean[]
  leadSegments: number
}

/** The sections of a snapshot in file order. */
function sections(s: IndexSnapshot): Uint8Array[] {
  const bytes = (a: Uint32Array | Uint8Array) =>
    new Uint8Array(a.buffer, a.byteOffset, a.byteLength)
  const out = [
    Buffer.from(s.terms.join('\n')),
    bytes(s.pairs),
    bytes(s.asciiWords),
    bytes(s.leadDropped),
  ]
  for (const seg of s.segments) {
    if (seg.termIds) out.push(bytes(seg.termIds))
    out.push(bytes(seg.offsets), bytes(seg.postings))
  }
  for (const seg of s.leadSegments)
    out.push(bytes(seg.keys), bytes(seg.offsets), bytes(seg.postings))
  return out
}

/** Writes the snapshot to `file` durably and atomically. */
export async function writeIndexCache(
  file: string,
  stamp: string,
  s: IndexSnapshot,
): Promise<void> {
  const header: Header = {
    stamp,
    upTo: s.upTo,
    termCount: s.terms.length,
    leadOverflow: s.leadOverflow,
    segments: s.segments.map((seg) => seg.termIds !== null),
    leadSegments: s.leadSegments.length,
  }
  const chunks = sectionFileChunks(MAGIC, INDEX_CACHE_VERSION, header, sections(s))
  // The library's one durable writer: a unique temp name (cleaned up on open if a crash leaves it),
  // fsync, rename, fsync the folder.
  await commitFile(file, async (handle) => {
    for (const chunk of chunks)
      await handle.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))
  })
}

/**
 * The bytes of `file`, null when it cannot be read. The engine starts this before building its
 * columns, so the read and the checksums (in a worker: index-read-worker.ts) overlap that work
 * instead of following it. Without a worker the file is read here and checked when parsed.
 */
export function readIndexBytes(file: string, inWorker = true): Promise<IndexBytes | null> {
  const read = async (): Promise<IndexBytes | null> => {
    const bytes = await readFile(file).catch(() => null)
    return bytes && { bytes, sumsChecked: false }
  }
  const checked = inWorker ? readIndexInWorker(file) : null
  return checked ? checked.then((got) => got ?? read()) : read()
}

/**
 * The snapshot stored in `file` (or in `bytes`, its contents read earlier) if it carries `stamp`;
 * null when the file is missing, stale (another stamp, another format version) or damaged. One
 * read; the arrays are views on that buffer.
 */
export async function readIndexCache(
  file: string,
  stamp: string,
  bytes: Promise<IndexBytes | null> = readIndexBytes(file, false),
): Promise<IndexSnapshot | null> {
  const read = await bytes
  if (!read) return null
  try {
    return parse(read.bytes, stamp, read.sumsChecked)
  } catch (e) {
    if (isDamage(e)) return null
    throw e
  }
}

/** `sumsChecked`: the checksums were checked on these bytes already (index-read-worker.ts). */
function parse(raw: Buffer, stamp: string, sumsChecked: boolean): IndexSnapshot | null {
  const file = readSectionFile<Header>(raw, {
    magic: MAGIC,
    version: INDEX_CACHE_VERSION,
    kind: 'an index cache',
    sumsChecked,
  })
  if (!file) return null
  const { header, take } = file
  if (header.stamp !== stamp) return null
  const u32 = (b: Uint8Array) => {
    check(b.byteLength % 4 === 0, 'section length')
    return new Uint32Array(b.buffer, b.byteOffset, b.byteLength / 4)
  }
  const { upTo } = header
  const termBytes = take()
  const terms = termBytes.length === 0 ? [] : Buffer.from(termBytes).toString('utf8').split('\n')
  check(terms.length === header.termCount, 'term count')
  const pairs = take()
  const asciiWords = take()
  const leadDropped = take()
  check(leadDropped.length <= terms.length, 'dropped pairs')
  check(pairs.length === upTo * PAIR_BYTES && asciiWords.length === upTo, 'document count')
  const postingLists = (offsets: Uint32Array, postings: Uint8Array) => {
    check(offsets.length > 0 && offsets[offsets.length - 1] === postings.length, 'offsets')
    // Each list ends where its last varint does, so no list reads into the next one; the values
    // themselves are vouched for by the checksums (decoding 15 million of them costs time).
    for (let i = 1; i < offsets.length; i++) {
      const end = offsets[i]!
      check(end >= offsets[i - 1]! && end <= postings.length, 'offsets')
      if (end > offsets[i - 1]!) check(postings[end - 1]! < 0x80, 'posting')
    }
  }
  const segments: Segment[] = header.segments.map((hasIds) => {
    const termIds = hasIds ? u32(take()) : null
    const offsets = u32(take())
    const postings = take()
    postingLists(offsets, postings)
    if (termIds) check(termIds.length + 1 === offsets.length, 'segment terms')
    else check(offsets.length - 1 <= terms.length, 'segment terms')
    for (const id of termIds ?? []) check(id < terms.length, 'term id')
    return { termIds, offsets, postings }
  })
  const leadSegments: PairSegment[] = []
  for (let i = 0; i < header.leadSegments; i++) {
    const keys = u32(take())
    const offsets = u32(take())
    const postings = take()
    check(keys.length + 1 === offsets.length, 'pair keys')
    postingLists(offsets, postings)
    leadSegments.push({ keys, offsets, postings })
  }
  check(file.remaining() === 0, 'sections')
  return {
    terms,
    upTo,
    segments,
    pairs,
    asciiWords,
    leadSegments,
    leadOverflow: header.leadOverflow,
    leadDropped,
  }
}
