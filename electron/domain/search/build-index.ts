import { createHash } from 'node:crypto'
import { TextIndex } from './text-index'
import { fieldsText, fold, keepsAsciiWords } from './tokenize'

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

/** The whole index of `docs` in one go (the worker's build; the engine builds in slices). */
export function indexDocs(docs: readonly (IndexedDoc | null)[], batchSize = 8192): TextIndex {
  const index = new TextIndex()
  docs.forEach((d, o) => feedDoc(index, o, d, batchSize))
  index.seal()
  if (index.segmentCount > 24) index.merge()
  return index
}

/**
 * The documents in ordinal order as a stamp: ids and field lengths, hashed. With the review
 * files' stamp it says whether a cached index belongs to the reviews now open.
 */
export function docsStamp(docs: readonly IndexedDoc[]): string {
  const lines = docs.map((d) => `${d.id}\t${d.title.length}\t${d.author.length}\t${d.body.length}`)
  return `${docs.length}|${createHash('sha256').update(lines.join('\n')).digest('hex')}`
}
