import { TextIndex } from './text-index'
import { fieldsText, fold, keepsAsciiWords } from './tokenize'
import { finish, mix } from './word-hash'

// What the search engine's time-sliced build and the index worker share: feeding one document,
// building a whole index at once, and the stamp of the documents an index was built from.

export interface IndexedDoc {
  id: string
  title: string
  author: string
  body: string
}

/** Feeds document `ordinal` (null when dead) and seals a segment every `batchSize` documents. */
export function feedDoc(
  index: TextIndex,
  ordinal: number,
  d: IndexedDoc | null,
  batchSize: number,
): void {
  const raw = d ? fieldsText(d) : null
  index.feed(ordinal, raw === null ? null : fold(raw), raw !== null && keepsAsciiWords(raw))
  if (index.fedUpTo % batchSize === 0) index.seal()
}

/**
 * The whole index of `docs` in one go (the worker's build; the engine builds in slices), merged
 * into one segment: the smallest file and the fewest lists to visit per query.
 */
export function indexDocs(docs: readonly (IndexedDoc | null)[], batchSize = 8192): TextIndex {
  const index = new TextIndex()
  docs.forEach((d, o) => feedDoc(index, o, d, batchSize))
  index.seal()
  index.merge()
  return index
}

/**
 * The documents in ordinal order as a stamp: ids and field lengths, hashed (64 bits in two lanes,
 * without building a string per document: 100,000 of them and a SHA-256 took 130 ms or more). With
 * the review files' stamp it says whether a cached index belongs to the reviews now open.
 * `bodyLength` stands in for the bodies while a staged open has not read them yet (the list
 * cache knows their lengths), so the index can be restored before the text is in.
 */
export function docsStamp(
  docs: readonly IndexedDoc[],
  bodyLength: (ordinal: number) => number = (o) => docs[o]!.body.length,
): string {
  let a = 0x3c6ef372
  let b = 0x510e527f
  for (let o = 0; o < docs.length; o++) {
    const d = docs[o]!
    const { id } = d
    for (let i = 0; i < id.length; i++) {
      const c = id.charCodeAt(i)
      a = mix(a, c)
      b = mix(b, c ^ 0x5bd1e995)
    }
    for (const n of [id.length, d.title.length, d.author.length, bodyLength(o)]) {
      a = mix(a, n)
      b = mix(b, n ^ 0x5bd1e995)
    }
  }
  const hex = (h: number) => (finish(mix(h, docs.length)) >>> 0).toString(16).padStart(8, '0')
  return `${docs.length}|${hex(a)}${hex(b)}`
}
