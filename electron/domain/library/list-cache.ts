import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { isAscii } from 'node:buffer'
import type { Review, Work } from '../../../shared/domain'
import { commitFile } from '../store/durable-write'
import { check, isDamage, readSectionFile, sectionFileChunks } from '../store/section-file'

// The library's list persisted beside its JSON (list-cache.bin), so a staged open shows the rows
// without reading 195 MB of review files first: every review field but the body (plus the body's
// length, which a sort by length reads), and the works. Derived data, never the source of truth,
// like search-index.bin: stamped with the review files it was taken from (names, sizes,
// modification times) and the review count, and checksummed per section. A missing, stale or
// damaged file reads as null and the open reads the review files as it always did.
//
// Layout (store/section-file.ts, as the index cache): 'RCLC', format version, a JSON header
// (stamp, count, each section's byte length and CRC-32); then the sections,
// columns rather than records, since one JSON.parse of 100,000 row objects took longer than all
// the rest of an open: the works and repeated strings (JSON), every review's strings joined by NUL
// (one split), the numbers as typed arrays, and the few bylines with alternatives (JSON).

export const LIST_CACHE_FILE = 'list-cache.bin'

const MAGIC = 0x434c4352 // 'RCLC' read as a little-endian Uint32
const VERSION = 1
/** Strings per review in the strings section: id, title, author, date, bylineRaw. */
const STRINGS = 5
const SEP = '\u0000'

interface Header {
  stamp: string
  count: number
}

/** Repeated strings (a work's id, an import's id and time) are stored once and referred to. */
interface Tables {
  works: Work[]
  workIds: string[]
  importIds: string[]
  importedAts: string[]
  /** Byline alternatives other than the byline itself alone, by review index (rare). */
  alternatives: Record<number, Review['bylineAlternatives']>
  /** The key orders of the reviews (usually one): each review is rebuilt with its file's. */
  orders: (keyof Review)[][]
}

/** What the cache holds: the reviews with empty bodies, in file order, and their bodies' lengths. */
export interface ListedReviews {
  works: Work[]
  reviews: Review[]
  bodyLengths: Map<string, number>
}

const BYLINE_AMBIGUOUS = 1
const SPOILER = 2
const TRUNCATED = 4
const NO_DATE = 8
const NO_RATING = 16
/** The byline's alternatives are just the byline itself (most reviews). */
const SELF_ALTERNATIVE = 32

/** The key order the import writes (merge.ts toReview), built by a literal below. */
const IMPORT_ORDER = [
  'id',
  'workId',
  'rating',
  'title',
  'author',
  'date',
  'bylineRaw',
  'bylineAmbiguous',
  'bylineAlternatives',
  'spoiler',
  'helpful',
  'body',
  'truncated',
  'importId',
  'importedAt',
].join()
const KEY_COUNT = 15
/** Ints per review: work, import, import time, helpful yes, helpful total, body length, order. */
const INTS = 7

/** Index of `value` in `list`, adding it when new. */
function refer(list: string[], seen: Map<string, number>, value: string): number {
  let i = seen.get(value)
  if (i === undefined) {
    i = list.length
    list.push(value)
    seen.set(value, i)
  }
  return i
}

/** Rows encoded per slice: a few milliseconds of work between pauses. */
const SLICE_ROWS = 4096

/** Yields to other work between slices (the app's event loop); tests pass none. */
export type Pause = () => Promise<void>

const bytesOf = (a: Int32Array | Float64Array | Uint8Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength)

/** The sections, or null when a review's text holds a NUL (it would split wrongly: no cache). */
async function encode(
  works: readonly Work[],
  reviews: readonly Review[],
  pause: Pause | undefined,
): Promise<Buffer[] | null> {
  const n = reviews.length
  const tables: Tables = {
    works: [...works],
    workIds: [],
    importIds: [],
    importedAts: [],
    alternatives: {},
    orders: [],
  }
  const orders = new Map<string, number>()
  const seen = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()]
  const ints = new Int32Array(n * INTS)
  const ratings = new Float64Array(n)
  const flags = new Uint8Array(n)
  const strings: string[] = []
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % SLICE_ROWS === 0) await pause?.()
    const r = reviews[i]!
    const k = i * INTS
    const keys = Object.keys(r)
    // A field the list does not know would be lost: no cache for such a library.
    if (keys.length !== KEY_COUNT) return null
    const order = keys.join()
    let o = orders.get(order)
    if (o === undefined) {
      o = tables.orders.length
      tables.orders.push(keys as (keyof Review)[])
      orders.set(order, o)
    }
    ints[k + 6] = o
    ints[k] = refer(tables.workIds, seen[0]!, r.workId)
    ints[k + 1] = refer(tables.importIds, seen[1]!, r.importId)
    ints[k + 2] = refer(tables.importedAts, seen[2]!, r.importedAt)
    ints[k + 3] = r.helpful ? r.helpful.yes : -1
    ints[k + 4] = r.helpful ? r.helpful.total : -1
    ints[k + 5] = r.body.length
    ratings[i] = r.rating ?? 0
    flags[i] =
      (r.bylineAmbiguous ? BYLINE_AMBIGUOUS : 0) |
      (r.spoiler ? SPOILER : 0) |
      (r.truncated ? TRUNCATED : 0) |
      (r.date === null ? NO_DATE : 0) |
      (r.rating === null ? NO_RATING : 0)
    const alt = r.bylineAlternatives
    const self =
      alt.length === 1 && alt[0]!.author === r.author && alt[0]!.date === r.date && r.date !== null
    if (self) flags[i]! |= SELF_ALTERNATIVE
    else if (alt.length > 0) tables.alternatives[i] = alt
    const fields = [r.id, r.title, r.author, r.date ?? '', r.bylineRaw]
    for (const f of fields) if (f.includes(SEP)) return null
    strings.push(...fields)
  }
  return [
    Buffer.from(JSON.stringify(tables)),
    Buffer.from(strings.join(SEP), 'utf8'),
    bytesOf(ints),
    bytesOf(ratings),
    bytesOf(flags),
  ]
}

/**
 * The file's bytes for `works` and `reviews` (bodies included: only their lengths are kept),
 * stamped with `stamp` (see listCacheStamp); null when they cannot be cached. `reviews` must not
 * change until it resolves.
 */
export async function listCacheBytes(
  stamp: string,
  works: readonly Work[],
  reviews: readonly Review[],
  pause?: Pause,
): Promise<Buffer | null> {
  const sections = await encode(works, reviews, pause)
  if (!sections) return null
  const header: Header = { stamp, count: reviews.length }
  return Buffer.concat(sectionFileChunks(MAGIC, VERSION, header, sections))
}

/** Writes the cache durably and atomically (the library's one writer: temp file, fsync, rename). */
export async function writeListCache(dir: string, bytes: Buffer): Promise<void> {
  await commitFile(join(dir, LIST_CACHE_FILE), bytes)
}

/** The stamp a cache must carry to be used: the review files' stamp and the review count. */
export const listCacheStamp = (filesStamp: string, count: number): string =>
  `${count}|${filesStamp}`

/**
 * The reviews in the cache if it carries `filesStamp` (see reviewFilesStamp); null when the file
 * is missing, stale or damaged.
 */
export async function readListCache(
  dir: string,
  filesStamp: string,
): Promise<ListedReviews | null> {
  const bytes = await readFile(join(dir, LIST_CACHE_FILE)).catch(() => null)
  if (!bytes) return null
  try {
    return decode(bytes, filesStamp)
  } catch (e) {
    if (isDamage(e)) return null
    throw e
  }
}

const isString = (v: unknown): v is string => typeof v === 'string'

function decode(raw: Buffer, filesStamp: string): ListedReviews | null {
  const file = readSectionFile<Header>(raw, {
    magic: MAGIC,
    version: VERSION,
    kind: 'a list cache',
  })
  if (!file) return null
  const { header } = file
  check(header.sections.length === 5, 'sections')
  // The count is checked against the columns, the stamp against the files now on disk.
  if (header.stamp !== listCacheStamp(filesStamp, header.count)) return null
  const n = header.count
  check(Number.isSafeInteger(n) && n >= 0, 'count')
  // Buffer views (no copy) for the string sections' toString.
  const take = (): Buffer => {
    const section = file.take()
    return Buffer.from(section.buffer, section.byteOffset, section.byteLength)
  }
  const tables = JSON.parse(take().toString('utf8')) as Tables
  const stringBytes = take()
  // ASCII text (most) is read as latin1, which skips UTF-8 decoding.
  const encoding = isAscii(stringBytes) ? 'latin1' : 'utf8'
  const strings = n === 0 ? [] : stringBytes.toString(encoding).split(SEP)
  const intBytes = take()
  const ratingBytes = take()
  const flags = take()
  check(file.atEnd(), 'trailing bytes')
  check(strings.length === n * STRINGS, 'strings')
  check(
    intBytes.length === n * INTS * 4 && ratingBytes.length === n * 8 && flags.length === n,
    'count',
  )
  const ints = new Int32Array(intBytes.buffer, intBytes.byteOffset, n * INTS)
  const ratings = new Float64Array(ratingBytes.buffer, ratingBytes.byteOffset, n)
  check(Array.isArray(tables.works) && Array.isArray(tables.workIds), 'tables')
  const pick = (list: string[], i: number): string => {
    const value = list[i]
    check(isString(value), 'table reference')
    return value!
  }
  const reviews: Review[] = new Array<Review>(n)
  const bodyLengths = new Map<string, number>()
  const importOrder = tables.orders.findIndex((o) => o.join() === IMPORT_ORDER)
  for (let i = 0; i < n; i++) {
    const k = i * INTS
    const s = i * STRINGS
    const f = flags[i]!
    const yes = ints[k + 3]!
    const author = strings[s + 2]!
    const date = f & NO_DATE ? null : strings[s + 3]!
    // In the import's key order, so a review read from here serialises exactly as one read from
    // its file (a rebuild compares them as JSON); other orders are rebuilt below.
    let review: Review = {
      id: strings[s]!,
      workId: pick(tables.workIds, ints[k]!),
      rating: f & NO_RATING ? null : ratings[i]!,
      title: strings[s + 1]!,
      author,
      date,
      bylineRaw: strings[s + 4]!,
      bylineAmbiguous: (f & BYLINE_AMBIGUOUS) !== 0,
      bylineAlternatives:
        f & SELF_ALTERNATIVE ? [{ author, date: date! }] : (tables.alternatives[i] ?? []),
      spoiler: (f & SPOILER) !== 0,
      helpful: yes < 0 ? null : { yes, total: ints[k + 4]! },
      body: '',
      truncated: (f & TRUNCATED) !== 0,
      importId: pick(tables.importIds, ints[k + 1]!),
      importedAt: pick(tables.importedAts, ints[k + 2]!),
    }
    const order = ints[k + 6]!
    if (order !== importOrder) {
      const keys = tables.orders[order]
      check(Array.isArray(keys) && keys.length === KEY_COUNT, 'key order')
      const source = review
      review = {} as Review
      for (const key of keys!) {
        check(Object.hasOwn(source, key), 'key order')
        ;(review as Record<string, unknown>)[key] = source[key]
      }
    }
    reviews[i] = review
    bodyLengths.set(review.id, ints[k + 5]!)
  }
  return { works: tables.works, reviews, bodyLengths }
}
