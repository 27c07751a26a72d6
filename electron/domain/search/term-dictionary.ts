import { wordHash } from './phrase-pairs'

// The index's dictionary: term text -> term id. Feeding hashes each word while scanning the text
// and finds its term in an open-addressing table without creating a string: over 25 million words
// a Map lookup per word was five times slower. Prefix search scans the terms sharing the prefix's
// first two characters (a few hundred), so no sorted term array has to be kept up to date.

export const EMPTY = -1

export function growInt32(
  a: Int32Array<ArrayBuffer>,
  size: number,
  fill = 0,
): Int32Array<ArrayBuffer> {
  if (size <= a.length) return a
  const next = new Int32Array(Math.max(size, a.length * 2)).fill(fill)
  next.set(a)
  return next
}

/**
 * A term's first two characters as one number (a one-character term: that character alone), so
 * filling the buckets makes no string per term. Distinct: the second part is at most 65,536.
 */
const bucketKey = (term: string): number =>
  term.charCodeAt(0) * KEY_BASE + (term.length > 1 ? term.charCodeAt(1) + 1 : 0)
const KEY_BASE = 65537

const slotOf = (hash: number, mask: number): number => (hash ^ (hash >>> 15)) & mask

export class TermDictionary {
  private terms: string[] = []
  private hashes = new Int32Array(1024)
  /** Open addressing: slot -> term id, EMPTY when free; at most half full. */
  private table = new Int32Array(1 << 12).fill(EMPTY)
  /** Term ids by their first two characters, for prefix search. */
  private buckets = new Map<number, number[]>()

  get size(): number {
    return this.terms.length
  }

  get bytes(): number {
    return this.table.byteLength + this.hashes.byteLength
  }

  /** The id of the word text[start, end) whose hash (see wordHash) is `hash`, adding it when new. */
  id(text: string, start: number, end: number, hash: number): number {
    const mask = this.table.length - 1
    const length = end - start
    let slot = slotOf(hash, mask)
    for (let id = this.table[slot]!; id !== EMPTY; id = this.table[slot]!) {
      if (this.hashes[id] === hash) {
        const term = this.terms[id]!
        if (term.length === length) {
          let i = 0
          while (i < length && term.charCodeAt(i) === text.charCodeAt(start + i)) i++
          if (i === length) return id
        }
      }
      slot = (slot + 1) & mask
    }
    const id = this.terms.length
    // A long slice would keep the whole review text alive; concatenating first copies it out.
    const term = length >= 13 ? `${text.slice(start, end)} `.slice(0, -1) : text.slice(start, end)
    this.terms.push(term)
    this.hashes = growInt32(this.hashes, id + 1)
    this.hashes[id] = hash
    this.table[slot] = id
    const key = bucketKey(term)
    const bucket = this.buckets.get(key)
    if (bucket) bucket.push(id)
    else this.buckets.set(key, [id])
    if (this.terms.length * 2 > this.table.length) this.rehash()
    return id
  }

  /** Every term, in id order (what the index cache stores). */
  list(): readonly string[] {
    return this.terms
  }

  /** Adds `terms` in order, so each gets the id it had when they were listed. */
  addAll(terms: readonly string[]): void {
    if (this.terms.length === 0) this.restore(terms)
    else for (const term of terms) this.id(term, 0, term.length, wordHash(term))
  }

  /**
   * Fills an empty dictionary with `terms` (distinct, as list() gave them) in one pass: the table
   * is sized once and no term is compared, a third of what adding them one by one costs.
   */
  private restore(terms: readonly string[]): void {
    const n = terms.length
    let size = 1 << 12
    while (n * 2 > size) size *= 2
    const table = new Int32Array(size).fill(EMPTY)
    const hashes = new Int32Array(Math.max(n, 1024))
    const mask = size - 1
    const buckets = new Map<number, number[]>()
    for (let id = 0; id < n; id++) {
      const term = terms[id]!
      const hash = wordHash(term)
      hashes[id] = hash
      let slot = slotOf(hash, mask)
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask
      table[slot] = id
      const key = bucketKey(term)
      const bucket = buckets.get(key)
      if (bucket) bucket.push(id)
      else buckets.set(key, [id])
    }
    this.terms = [...terms]
    this.hashes = hashes
    this.table = table
    this.buckets = buckets
  }

  /** The id of `term`, EMPTY when no document has it. */
  find(term: string): number {
    const hash = wordHash(term)
    const mask = this.table.length - 1
    let slot = slotOf(hash, mask)
    for (let id = this.table[slot]!; id !== EMPTY; id = this.table[slot]!) {
      if (this.hashes[id] === hash && this.terms[id] === term) return id
      slot = (slot + 1) & mask
    }
    return EMPTY
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(EMPTY)
    const mask = table.length - 1
    for (let id = 0; id < this.terms.length; id++) {
      let slot = slotOf(this.hashes[id]!, mask)
      while (table[slot] !== EMPTY) slot = (slot + 1) & mask
      table[slot] = id
    }
    this.table = table
  }

  /** Ids of the terms starting with `prefix`. */
  matching(prefix: string): number[] {
    if (prefix.length >= 2) {
      const bucket = this.buckets.get(bucketKey(prefix)) ?? []
      return prefix.length === 2
        ? bucket
        : bucket.filter((id) => this.terms[id]!.startsWith(prefix))
    }
    const out: number[] = []
    const first = prefix.length === 0 ? -1 : prefix.charCodeAt(0)
    for (const [key, ids] of this.buckets)
      if (first < 0 || Math.floor(key / KEY_BASE) === first) out.push(...ids)
    return out
  }
}
