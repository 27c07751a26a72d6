// Quoted phrases that start with a very common word ("the camera", "a masterpiece") are in
// thousands of reviews, and reading each one's text took 50 to 80 ms at 100,000 reviews. So the
// index also records, for the few dozen commonest English words, which documents have that word
// followed by each other word within one field (title, byline or body). A two-word phrase starting
// with one of them is then answered from these postings alone, and a longer one reads the text of
// only the documents having its pair. Other phrases still go through the pair filter and the text.
// Built in the background with the word postings, stored like them (posting-lists.ts); the bench
// prints their size (npm run bench).

import { ByteWriter, markList, mergeListSets } from './posting-lists'

export const LEAD_WORDS = [
  'the',
  'a',
  'an',
  'and',
  'of',
  'to',
  'in',
  'is',
  'it',
  'this',
  'that',
  'was',
  'for',
  'with',
  'as',
  'on',
  'his',
  'her',
  'he',
  'she',
  'i',
  'my',
  'not',
  'but',
  'be',
  'by',
  'at',
  'from',
  'are',
  'they',
  'very',
  'so',
]

const LEAD_SLOT = new Map(LEAD_WORDS.map((w, i) => [w, i]))

/** The slot of a lead word, -1 for any other word. */
export const leadSlot = (word: string): number => LEAD_SLOT.get(word) ?? -1

/**
 * The words of a query group worth looking up in the index. A phrase's common words narrow
 * nothing (nearly every review has them) and cost the most postings; the phrase check itself then
 * looks at every word, so leaving them out changes no result.
 */
export function lookupWords(words: string[], phrase: boolean): string[] {
  const rare = phrase ? words.filter((w) => leadSlot(w) < 0) : []
  return rare.length > 0 ? rare : words
}

/**
 * A merge drops the pairs whose next word is in fewer documents than this: they were nine in ten
 * of the pairs and two thirds of the room, and a phrase with such a word is narrowed by that
 * word's own postings to a few hundred documents, whose text is then read (see TextIndex).
 */
export const RARE_NEXT = 256

/** Next-word term ids must stay below this to be packed with the slot into one Uint32 key. */
const NEXT_LIMIT = 2 ** 26
/** Pending pairs pack (key, ordinal - batch start) into one float64: batches stay below this. */
export const PAIR_BATCH_LIMIT = 2 ** 20

export interface PairSegment {
  /** (slot * NEXT_LIMIT + next term id), ascending. */
  keys: Uint32Array
  /** postings[offsets[i] .. offsets[i+1]) are the ordinals having the i-th pair (delta varints). */
  offsets: Uint32Array
  postings: Uint8Array
}

function findKey(keys: Uint32Array, key: number): number {
  let lo = 0
  let hi = keys.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (keys[mid]! < key) lo = mid + 1
    else hi = mid
  }
  return lo < keys.length && keys[lo] === key ? lo : -1
}

export class LeadPairs {
  private pending = new Float64Array(4096)
  private count = 0
  private from = 0
  private segments: PairSegment[] = []
  /** Set if a term id ever got too large to record: lookups are then only a filter, never exact. */
  overflow = false

  /** Records that document `ordinal` has lead word `slot` followed by term `next`. */
  add(slot: number, next: number, ordinal: number): void {
    if (next >= NEXT_LIMIT) {
      this.overflow = true
      return
    }
    if (this.count === this.pending.length) {
      const grown = new Float64Array(this.pending.length * 2)
      grown.set(this.pending)
      this.pending = grown
    }
    this.pending[this.count++] =
      (slot * NEXT_LIMIT + next) * PAIR_BATCH_LIMIT + (ordinal - this.from)
  }

  /** Makes the pairs recorded so far searchable; the next batch starts at ordinal `upTo`. */
  seal(upTo: number): void {
    const packed = this.pending.subarray(0, this.count).sort()
    let distinct = 0
    let postings = 0
    let lastKey = -1
    for (let i = 0; i < packed.length; i++) {
      if (i > 0 && packed[i] === packed[i - 1]) continue
      postings++
      const key = Math.floor(packed[i]! / PAIR_BATCH_LIMIT)
      if (key !== lastKey) distinct++
      lastKey = key
    }
    if (postings > 0) {
      const keys = new Uint32Array(distinct)
      const offsets = new Uint32Array(distinct + 1)
      const w = new ByteWriter()
      let k = -1
      let last = 0
      lastKey = -1
      for (let i = 0; i < packed.length; i++) {
        if (i > 0 && packed[i] === packed[i - 1]) continue
        const key = Math.floor(packed[i]! / PAIR_BATCH_LIMIT)
        if (key !== lastKey) {
          keys[++k] = key
          offsets[k] = w.length
          lastKey = key
          last = 0
        }
        const ordinal = this.from + (packed[i]! - key * PAIR_BATCH_LIMIT)
        w.varint(ordinal - last)
        last = ordinal
      }
      offsets[distinct] = w.length
      this.segments.push({ keys, offsets, postings: w.finish() })
    }
    this.count = 0
    this.from = upTo
    // A big import leaves a big buffer behind: let it go.
    if (this.pending.length > 1 << 20) this.pending = new Float64Array(4096)
  }

  /** The sealed pairs (for the index cache); null while some are pending. */
  snapshot(): { segments: readonly PairSegment[]; overflow: boolean } | null {
    return this.count === 0 ? { segments: this.segments, overflow: this.overflow } : null
  }

  /** Starts from a snapshot covering ordinals below `upTo`. */
  restore(segments: PairSegment[], overflow: boolean, upTo: number): void {
    this.segments = segments
    this.overflow = overflow
    this.count = 0
    this.from = upTo
  }

  /**
   * Folds the sealed segments into one (see TextIndex.merge), leaving out the pairs whose next
   * term `dropped` flags.
   */
  merge(dropped: Uint8Array): void {
    const merged =
      this.segments.length === 1
        ? { ...this.segments[0]!, bytes: this.segments[0]!.postings }
        : mergeListSets(
            this.segments.map((g) => ({ keys: g.keys, offsets: g.offsets, bytes: g.postings })),
          )
    const all = merged.keys ?? Uint32Array.from(merged.offsets.subarray(1), (_, i) => i)
    const kept: number[] = []
    for (let i = 0; i < all.length; i++) if (dropped[all[i]! % NEXT_LIMIT] !== 1) kept.push(i)
    const keys = new Uint32Array(kept.length)
    const offsets = new Uint32Array(kept.length + 1)
    const w = new ByteWriter()
    kept.forEach((i, k) => {
      keys[k] = all[i]!
      offsets[k] = w.length
      w.bytes(merged.bytes, merged.offsets[i]!, merged.offsets[i + 1]!)
    })
    offsets[kept.length] = w.length
    this.segments = kept.length > 0 ? [{ keys, offsets, postings: w.finish() }] : []
  }

  /** Marks (1) the sealed documents having lead word `slot` followed by any of the `next` terms. */
  mark(slot: number, next: readonly number[], marks: Uint8Array): void {
    for (const seg of this.segments) {
      for (const id of next) {
        const i = findKey(seg.keys, slot * NEXT_LIMIT + id)
        if (i < 0) continue
        markList(seg.postings, seg.offsets[i]!, seg.offsets[i + 1]!, marks, 0, 1)
      }
    }
  }

  get bytes(): number {
    let bytes = this.pending.byteLength
    for (const s of this.segments)
      bytes += s.keys.byteLength + s.offsets.byteLength + s.postings.byteLength
    return bytes
  }
}
