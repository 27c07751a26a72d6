// Each document also gets a small Bloom filter of its word pairs, so a quoted phrase reads the
// text of only the documents that may hold it.

/**
 * Each document also gets a 2,048-bit Bloom filter of its word pairs (a word and the first three
 * letters of the next), two bits per pair. A quoted phrase then reads the text of only the
 * documents whose filter has all its pairs: a few percent more than really hold it (for a review
 * of 250 words, about 5% for a two-word phrase; 4,096 bits took twice the room, a third of the
 * index, to bring that to 1.5%).
 */
export const PAIR_BYTES = 256
const PAIR_MASK = PAIR_BYTES * 8 - 1

export function wordHash(word: string, length = word.length): number {
  let hash = 0
  for (let i = 0; i < length; i++) hash = (Math.imul(hash, 31) + word.charCodeAt(i)) | 0
  return hash
}

export const pairBitA = (first: number, next3: number) =>
  (Math.imul(first ^ 0x9e3779b9, 0x85ebca6b) ^ next3) & PAIR_MASK
export const pairBitB = (first: number, next3: number) =>
  ((Math.imul(next3 ^ 0xc2b2ae35, 0x27d4eb2f) + first) >>> 21) & PAIR_MASK

/** The filter bits a phrase's word pairs set (folded words; the last may be a prefix). */
export function phraseBits(phrase: string[]): number[] {
  const bits: number[] = []
  for (let i = 0; i + 1 < phrase.length; i++) {
    const next = phrase[i + 1]!
    // A last word shorter than three letters may be the start of a longer one: no pair to test.
    if (i + 2 === phrase.length && next.length < 3) continue
    const first = wordHash(phrase[i]!)
    const next3 = wordHash(next, Math.min(3, next.length))
    bits.push(pairBitA(first, next3), pairBitB(first, next3))
  }
  return bits
}
