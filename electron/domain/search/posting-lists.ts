// Posting lists as delta varints: each list holds ascending ordinals, stored as the gaps between
// them, seven bits a byte (LEB128). Most postings belong to common words, whose gaps are small, so
// a posting takes a little over one byte instead of four; the lists are read in one forward pass,
// so nothing needs random access into them. A set of lists is `offsets` (byte offsets, one more
// than lists) over `bytes`; `keys` names each list (ascending), or null when list i is key i.

export interface ListSet {
  keys: Uint32Array | null
  offsets: Uint32Array
  bytes: Uint8Array
}

/** Collects varint bytes into a growing buffer. */
export class ByteWriter {
  private buf = new Uint8Array(1 << 16)
  length = 0

  /** Appends `value` (0 ≤ value < 2^31) as a varint. */
  varint(value: number): void {
    if (this.length + 5 > this.buf.length) {
      const grown = new Uint8Array(this.buf.length * 2)
      grown.set(this.buf)
      this.buf = grown
    }
    let v = value
    while (v >= 0x80) {
      this.buf[this.length++] = (v & 0x7f) | 0x80
      v >>>= 7
    }
    this.buf[this.length++] = v
  }

  /** Appends `from[start, end)` as they are (a list copied whole keeps its encoding). */
  bytes(from: Uint8Array, start: number, end: number): void {
    const n = end - start
    if (this.length + n > this.buf.length) {
      const grown = new Uint8Array(Math.max(this.buf.length * 2, this.length + n))
      grown.set(this.buf)
      this.buf = grown
    }
    this.buf.set(from.subarray(start, end), this.length)
    this.length += n
  }

  /** The bytes written, in a buffer of their own size. */
  finish(): Uint8Array {
    return this.buf.slice(0, this.length)
  }
}

/** Appends ascending `values[from, to)` as gaps after `previous`; returns the last value. */
export function appendAscending(
  w: ByteWriter,
  values: ArrayLike<number>,
  from: number,
  to: number,
  previous = 0,
): number {
  let last = previous
  for (let i = from; i < to; i++) {
    const v = values[i]!
    w.varint(v - last)
    last = v
  }
  return last
}

/** The ordinals of the list at bytes[start, end), in order. */
export function decodeList(bytes: Uint8Array, start: number, end: number): number[] {
  const out: number[] = []
  let o = 0
  let p = start
  while (p < end) {
    let b = bytes[p++]!
    let gap = b & 0x7f
    for (let shift = 7; b >= 0x80; shift += 7) {
      b = bytes[p++]!
      gap |= (b & 0x7f) << shift
    }
    o += gap
    out.push(o)
  }
  return out
}

/**
 * For each ordinal of the list at bytes[start, end) whose mark is `from`, sets it to `to`. The
 * engine's innermost loop (a common prefix visits a million postings), so the decoding is inline.
 */
export function markList(
  bytes: Uint8Array,
  start: number,
  end: number,
  marks: Uint8Array,
  from: number,
  to: number,
): void {
  let o = 0
  let p = start
  while (p < end) {
    let b = bytes[p++]!
    if (b < 0x80) o += b
    else {
      let gap = b & 0x7f
      for (let shift = 7; b >= 0x80; shift += 7) {
        b = bytes[p++]!
        gap |= (b & 0x7f) << shift
      }
      o += gap
    }
    if (marks[o] === from) marks[o] = to
  }
}

/** How many postings a byte range holds: each varint ends with a byte below 0x80. */
export function countPostings(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let n = 0
  for (let p = start; p < end; p++) if (bytes[p]! < 0x80) n++
  return n
}

/**
 * One list set holding every list of `sets`, which cover consecutive ordinal ranges in order: a
 * key's lists are concatenated. Dense (keys null) when the keys are 0..n-1 without a gap.
 */
export function mergeListSets(sets: readonly ListSet[]): ListSet {
  const all: number[] = []
  for (const s of sets) {
    if (s.keys) for (const k of s.keys) all.push(k)
    else for (let k = 0; k < s.offsets.length - 1; k++) all.push(k)
  }
  const keys = Uint32Array.from(new Set(all)).sort()
  const offsets = new Uint32Array(keys.length + 1)
  const w = new ByteWriter()
  const cursors = new Array<number>(sets.length).fill(0)
  keys.forEach((key, i) => {
    offsets[i] = w.length
    let last = 0
    sets.forEach((s, j) => {
      const n = s.offsets.length - 1
      let at: number
      if (s.keys) {
        at = cursors[j]!
        if (at >= n || s.keys[at] !== key) return
        cursors[j] = at + 1
      } else if (key < n) at = key
      else return
      const list = decodeList(s.bytes, s.offsets[at]!, s.offsets[at + 1]!)
      last = appendAscending(w, list, 0, list.length, last)
    })
  })
  offsets[keys.length] = w.length
  const dense = keys.length === 0 || keys[keys.length - 1] === keys.length - 1
  return { keys: dense ? null : keys, offsets, bytes: w.finish() }
}
