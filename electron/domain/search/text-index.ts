import {
  LEAD_WORDS,
  LeadPairs,
  leadSlot,
  PAIR_BATCH_LIMIT,
  RARE_NEXT,
  type PairSegment,
} from './lead-pairs'
import { PAIR_BYTES, pairBitA, pairBitB } from './phrase-pairs'
import {
  appendAscending,
  ByteWriter,
  countPostings,
  markList,
  mergeListSets,
} from './posting-lists'
import { EMPTY, growInt32, TermDictionary } from './term-dictionary'
import { WORD_UNIT } from './tokenize'

// A compact inverted index over review ordinals (positions in the search engine's document list).
// Why our own: a general-purpose full-text library keeps per-posting objects, positions and scores;
// over 100,000 full review bodies that cost 27 s and 1.3 GB. Here a posting is just an ordinal,
// each term's ordinals are sorted and stored as delta varints (posting-lists.ts: a little over a
// byte a posting, where a Uint32 took four), and terms live in a compact dictionary
// (term-dictionary.ts). The bench (npm run bench) shows the figures.
//
// Documents only ever get appended (a changed review gets a new ordinal; the old one dies), so the
// index grows by segments covering consecutive ordinal ranges. A segment is built from a batch of
// documents that may be fed over several time slices; `merge()` folds all segments into one.

export interface Segment {
  /** Term ids present, ascending; null for a merged segment, where the position is the term id. */
  termIds: Uint32Array | null
  /** postings[offsets[i] .. offsets[i+1]) are the i-th term's ordinals (posting-lists.ts). */
  offsets: Uint32Array
  postings: Uint8Array
}

/** Everything a sealed index holds; what the index cache (index-cache.ts) stores. */
export interface IndexSnapshot {
  terms: readonly string[]
  /** Ordinals below this are indexed. */
  upTo: number
  segments: readonly Segment[]
  /** upTo * PAIR_BYTES bytes. */
  pairs: Uint8Array
  /** upTo bytes. */
  asciiWords: Uint8Array
  leadSegments: readonly PairSegment[]
  leadOverflow: boolean
  /** Per term id (those below its length): 1 when a merge left out its lead-word pairs. */
  leadDropped: Uint8Array
}

export interface IndexStats {
  terms: number
  postings: number
  segments: number
  bytes: number
  /** Bytes per structure, what `bytes` adds up. */
  parts: {
    /** Word postings (delta varints). */
    postings: number
    /** Per segment: each term's id and where its postings start. */
    postingOffsets: number
    /** The per-document word-pair filters (phrase-pairs.ts). */
    pairFilters: number
    /** Lead-word pair postings, keys and offsets (lead-pairs.ts). */
    leadPairs: number
    /** The term dictionary's tables and the per-term build arrays (not the term strings). */
    dictionary: number
    asciiWords: number
  }
}

function findTerm(ids: Uint32Array, id: number): number {
  let lo = 0
  let hi = ids.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (ids[mid]! < id) lo = mid + 1
    else hi = mid
  }
  return lo < ids.length && ids[lo] === id ? lo : -1
}

export class TextIndex {
  private readonly dict = new TermDictionary()
  private segments: Segment[] = []
  /** The last ordinal each term was seen in, to post each term once per document. */
  private lastSeen = new Int32Array(1024).fill(EMPTY)
  /** The batch being built: (term, ordinal) pairs in ordinal order. */
  private pendingTerms: number[] = []
  private pendingOrdinals: number[] = []
  private pendingFrom = 0
  private pairs: Uint8Array = new Uint8Array(PAIR_BYTES * 1024)
  private readonly leadPairs = new LeadPairs()
  /** Per term id: 1 when a merge dropped the lead-word pairs it ends (see RARE_NEXT). */
  private leadDropped: Uint8Array = new Uint8Array(0)
  /** Each term's lead-word slot (see lead-pairs.ts), -1 for the others. */
  private leadSlots = new Int32Array(1024).fill(-1)
  /** 1 for the documents whose raw text has their folded words (see keepsAsciiWords). */
  private asciiWords: Uint8Array = new Uint8Array(1024)
  /** Ordinals below this are searchable through the index. */
  indexedUpTo = 0
  /** Ordinals below this have been fed (searchable once the batch is sealed). */
  fedUpTo = 0

  /**
   * Feeds the next document (ordinal === fedUpTo): its folded text, null for a dead document, and
   * whether its raw text has the folded text's words, apart from case (see keepsAsciiWords). A NUL
   * character separates fields: no word pair is recorded across it.
   */
  feed(ordinal: number, folded: string | null, asciiWords = false): void {
    if (ordinal !== this.fedUpTo)
      throw new Error(`index fed ordinal ${ordinal}, expected ${this.fedUpTo}`)
    if (ordinal - this.pendingFrom >= PAIR_BATCH_LIMIT) this.seal()
    this.fedUpTo++
    if (folded === null) return
    if ((ordinal + 1) * PAIR_BYTES > this.pairs.length) {
      const grown = new Uint8Array(Math.ceil((this.pairs.length * 1.5) / PAIR_BYTES) * PAIR_BYTES)
      grown.set(this.pairs)
      this.pairs = grown
      const ascii = new Uint8Array(grown.length / PAIR_BYTES)
      ascii.set(this.asciiWords)
      this.asciiWords = ascii
    }
    this.asciiWords[ordinal] = asciiWords ? 1 : 0
    const pairs = this.pairs
    const base = ordinal * PAIR_BYTES
    const n = folded.length
    let start = -1
    let hash = 0
    let hash3 = 0
    let previous = 0
    let hasPrevious = false
    let lead = -1
    for (let i = 0; i <= n; i++) {
      const code = i < n ? folded.charCodeAt(i) : 32
      if (WORD_UNIT[code] === 1) {
        if (start < 0) {
          start = i
          hash = 0
        }
        hash = (Math.imul(hash, 31) + code) | 0
        if (i - start < 3) hash3 = hash
      } else if (start >= 0) {
        if (hasPrevious) {
          const a = pairBitA(previous, hash3)
          const b = pairBitB(previous, hash3)
          pairs[base + (a >>> 3)]! |= 1 << (a & 7)
          pairs[base + (b >>> 3)]! |= 1 << (b & 7)
        }
        previous = hash
        hasPrevious = true
        const known = this.dict.size
        const id = this.dict.id(folded, start, i, hash)
        if (id >= this.lastSeen.length) this.lastSeen = growInt32(this.lastSeen, id + 1, EMPTY)
        if (id >= known) {
          if (id >= this.leadSlots.length) this.leadSlots = growInt32(this.leadSlots, id + 1, -1)
          this.leadSlots[id] = leadSlot(folded.slice(start, i))
        }
        if (lead >= 0) this.leadPairs.add(lead, id, ordinal)
        lead = this.leadSlots[id]!
        if (this.lastSeen[id] !== ordinal) {
          this.lastSeen[id] = ordinal
          this.pendingTerms.push(id)
          this.pendingOrdinals.push(ordinal)
        }
        start = -1
      }
      if (code === 0) {
        hasPrevious = false
        lead = -1
      }
    }
  }

  /** Makes everything fed so far searchable, as one new segment (a counting sort by term). */
  seal(): void {
    if (this.fedUpTo === this.pendingFrom) return
    const count = this.pendingTerms.length
    const counts = new Uint32Array(this.dict.size)
    for (let i = 0; i < count; i++) counts[this.pendingTerms[i]!]!++
    let distinct = 0
    for (let id = 0; id < counts.length; id++) if (counts[id]! > 0) distinct++
    const termIds = new Uint32Array(distinct)
    const offsets = new Uint32Array(distinct + 1)
    // counts becomes each term's write cursor into postings.
    let at = 0
    let k = 0
    for (let id = 0; id < counts.length; id++) {
      const c = counts[id]!
      if (c === 0) continue
      termIds[k] = id
      offsets[k++] = at
      counts[id] = at
      at += c
    }
    offsets[distinct] = at
    const ordinals = new Uint32Array(count)
    for (let i = 0; i < count; i++)
      ordinals[counts[this.pendingTerms[i]!]!++] = this.pendingOrdinals[i]!
    const w = new ByteWriter()
    const byteOffsets = new Uint32Array(distinct + 1)
    for (let t = 0; t < distinct; t++) {
      byteOffsets[t] = w.length
      appendAscending(w, ordinals, offsets[t]!, offsets[t + 1]!)
    }
    byteOffsets[distinct] = w.length
    this.segments.push({ termIds, offsets: byteOffsets, postings: w.finish() })
    this.pendingTerms = []
    this.pendingOrdinals = []
    this.pendingFrom = this.fedUpTo
    this.leadPairs.seal(this.fedUpTo)
    this.indexedUpTo = this.fedUpTo
  }

  get segmentCount(): number {
    return this.segments.length
  }

  /** The index's content when everything fed is sealed; null while a batch is pending. */
  snapshot(): IndexSnapshot | null {
    const lead = this.leadPairs.snapshot()
    if (this.fedUpTo !== this.indexedUpTo || this.pendingTerms.length > 0 || !lead) return null
    const upTo = this.fedUpTo
    return {
      terms: this.dict.list(),
      upTo,
      segments: this.segments,
      pairs: this.pairs.subarray(0, upTo * PAIR_BYTES),
      asciiWords: this.asciiWords.subarray(0, upTo),
      leadSegments: lead.segments,
      leadOverflow: lead.overflow,
      leadDropped: this.leadDropped,
    }
  }

  /** An index holding a snapshot's content; feeding goes on from its `upTo`. */
  static restore(s: IndexSnapshot): TextIndex {
    const index = new TextIndex()
    index.dict.addAll(s.terms)
    const n = s.terms.length
    index.lastSeen = new Int32Array(Math.max(n, 1024)).fill(EMPTY)
    index.leadSlots = new Int32Array(Math.max(n, 1024)).fill(-1)
    // Only the few dozen lead words have a slot: each looked up, rather than every term tested.
    LEAD_WORDS.forEach((word, slot) => {
      const id = index.dict.find(word)
      if (id !== EMPTY) index.leadSlots[id] = slot
    })
    index.segments = [...s.segments]
    index.pairs = s.pairs
    index.asciiWords = s.asciiWords
    index.leadPairs.restore([...s.leadSegments], s.leadOverflow, s.upTo)
    index.leadDropped = s.leadDropped
    index.fedUpTo = index.indexedUpTo = index.pendingFrom = s.upTo
    return index
  }

  /**
   * Folds every segment into one (and the lead-word pairs likewise): fewer, larger lists take
   * less room, since each segment repeats the ids and offsets of the terms it has.
   */
  merge(): void {
    if (this.segments.length > 1) {
      const merged = mergeListSets(
        this.segments.map((g) => ({ keys: g.termIds, offsets: g.offsets, bytes: g.postings })),
      )
      this.segments = [{ termIds: merged.keys, offsets: merged.offsets, postings: merged.bytes }]
    }
    // A term once dropped stays dropped: its pairs in the merged segment are gone for good.
    const dropped = new Uint8Array(this.dict.size)
    dropped.set(this.leadDropped.subarray(0, dropped.length))
    const seg = this.segments[0]
    if (seg) {
      for (let i = 0; i < seg.offsets.length - 1; i++) {
        const id = seg.termIds ? seg.termIds[i]! : i
        if (countPostings(seg.postings, seg.offsets[i]!, seg.offsets[i + 1]!) < RARE_NEXT)
          dropped[id] = 1
      }
    }
    this.leadDropped = dropped
    this.leadPairs.merge(dropped)
  }

  /**
   * For every indexed ordinal with a word starting with `prefix` whose mark is `from`, sets the
   * mark to `to`. One tight loop over the postings: prefixes like "the" visit a million of them.
   */
  markPrefix(prefix: string, marks: Uint8Array, from: number, to: number): void {
    const ids = this.dict.matching(prefix)
    for (const seg of this.segments) {
      const { offsets, postings, termIds } = seg
      const dense = offsets.length - 1
      for (const id of ids) {
        const i = termIds ? findTerm(termIds, id) : id < dense ? id : -1
        if (i >= 0) markList(postings, offsets[i]!, offsets[i + 1]!, marks, from, to)
      }
    }
  }

  /** Sets the mark of each document having term `id` from `from` to `to`. */
  private markTerm(id: number, marks: Uint8Array, from: number, to: number): void {
    for (const { offsets, postings, termIds } of this.segments) {
      const i = termIds ? findTerm(termIds, id) : id < offsets.length - 1 ? id : -1
      if (i >= 0) markList(postings, offsets[i]!, offsets[i + 1]!, marks, from, to)
    }
  }

  /**
   * False when the document surely lacks the phrase whose `phraseBits` these are; true when it may
   * hold it. Documents not fed yet may hold anything.
   */
  mayHavePhrase(ordinal: number, bits: readonly number[]): boolean {
    if (ordinal >= this.fedUpTo) return true
    const base = ordinal * PAIR_BYTES
    for (const bit of bits) {
      if ((this.pairs[base + (bit >>> 3)]! & (1 << (bit & 7))) === 0) return false
    }
    return true
  }

  /**
   * The documents below indexedUpTo that have the phrase's first lead-word pair (see
   * lead-pairs.ts), marked 1; `exact` when having it is the same as having the phrase (a two-word
   * phrase, apart from a user's note). Documents marked 2 may have it: they have a next word whose
   * pairs a merge dropped (a rare word), and their text must say. Null when no word of the phrase
   * but the last is a lead word.
   */
  leadPairDocs(phrase: readonly string[]): { marks: Uint8Array; exact: boolean } | null {
    const last = phrase.length - 1
    let i = 0
    while (i < last && leadSlot(phrase[i]!) < 0) i++
    if (i >= last) return null
    const nextWord = phrase[i + 1]!
    // The last word may be the start of a longer one.
    const next = i + 1 === last ? this.dict.matching(nextWord) : [this.dict.find(nextWord)]
    const marks = new Uint8Array(this.indexedUpTo)
    const ids = next.filter((id) => id !== EMPTY)
    this.leadPairs.mark(leadSlot(phrase[i]!), ids, marks)
    for (const id of ids) if (this.leadDropped[id] === 1) this.markTerm(id, marks, 0, 2)
    return { marks, exact: phrase.length === 2 && !this.leadPairs.overflow }
  }

  /**
   * Whether leadPairDocs answers the phrase for every indexed document without reading any text:
   * a two-word phrase led by a lead word, none of whose possible next words had its pairs dropped
   * (a rare word: the documents having it are marked 2 and their text must say).
   */
  settlesPhrase(phrase: readonly string[]): boolean {
    if (phrase.length !== 2 || leadSlot(phrase[0]!) < 0 || this.leadPairs.overflow) return false
    return this.dict.matching(phrase[1]!).every((id) => this.leadDropped[id] !== 1)
  }

  /** Whether the document's raw text has its folded words (known once it has been fed). */
  hasAsciiWords(ordinal: number): boolean {
    return ordinal < this.fedUpTo && this.asciiWords[ordinal] === 1
  }

  /**
   * About how many postings a prefix would visit (their bytes): lets the engine start with the
   * rarest word.
   */
  cost(prefix: string): number {
    let total = 0
    const ids = this.dict.matching(prefix)
    for (const seg of this.segments) {
      for (const id of ids) {
        const i = seg.termIds ? findTerm(seg.termIds, id) : id < seg.offsets.length - 1 ? id : -1
        if (i >= 0) total += seg.offsets[i + 1]! - seg.offsets[i]!
      }
    }
    return total
  }

  stats(): IndexStats {
    let postings = 0
    let postingBytes = 0
    let postingOffsets = 0
    for (const seg of this.segments) {
      postings += countPostings(seg.postings)
      postingBytes += seg.postings.byteLength
      postingOffsets += seg.offsets.byteLength + (seg.termIds?.byteLength ?? 0)
    }
    const parts = {
      postings: postingBytes,
      postingOffsets,
      pairFilters: this.pairs.byteLength,
      leadPairs: this.leadPairs.bytes,
      dictionary:
        this.dict.bytes +
        this.lastSeen.byteLength +
        this.leadSlots.byteLength +
        this.leadDropped.byteLength,
      asciiWords: this.asciiWords.byteLength,
    }
    const bytes = Object.values(parts).reduce((a, b) => a + b, 0)
    return { terms: this.dict.size, postings, segments: this.segments.length, bytes, parts }
  }
}
