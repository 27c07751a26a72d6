// A fast 32-bit mix (murmur3's) for the documents stamp (build-index.ts): each step is a bijection
// of the state for a given input word, so changing any one input always changes the state.

const C1 = 0xcc9e2d51
const C2 = 0x1b873593

const rotl = (x: number, r: number): number => (x << r) | (x >>> (32 - r))

/** One step: a bijection of `h` for a given word `w`. */
export function mix(h: number, w: number): number {
  let k = Math.imul(w, C1)
  k = rotl(k, 15)
  k = Math.imul(k, C2)
  h ^= k
  h = rotl(h, 13)
  return (Math.imul(h, 5) + 0xe6546b64) | 0
}

/** Spreads every bit of the state over the result. */
export function finish(h: number): number {
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  return h ^ (h >>> 16)
}
