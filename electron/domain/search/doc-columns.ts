import { shownByline } from '../../../shared/shown-byline'
import type { Curation, Review } from '../../../shared/domain'
import { fold } from './tokenize'

// The fields filters and sorts read, one typed array per field indexed by ordinal, so a query over
// 100,000 reviews touches a few megabytes of numbers instead of 100,000 objects. Curation columns
// are refreshed whenever the library reports a curation change.

const NONE = -1

function grow<T extends Int32Array | Float64Array | Uint8Array | Int8Array>(a: T, size: number): T {
  if (size <= a.length) return a
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2))
  next.set(a)
  return next
}

/** 'YYYY-MM-DD' as YYYYMMDD; 0 when unknown. */
export function dateNumber(date: string | null): number {
  if (!date) return 0
  const n =
    Number(date.slice(0, 4)) * 10000 + Number(date.slice(5, 7)) * 100 + Number(date.slice(8, 10))
  return Number.isFinite(n) ? n : 0
}

export class DocColumns {
  docs: (Review | null)[] = []
  alive = new Uint8Array(1024)
  rating = new Int8Array(1024)
  date = new Int32Array(1024)
  votes = new Int32Array(1024)
  ratio = new Float64Array(1024)
  length = new Int32Array(1024)
  spoiler = new Uint8Array(1024)
  work = new Int32Array(1024)
  myRating = new Int8Array(1024)
  kept = new Uint8Array(1024)
  reviewed = new Uint8Array(1024)
  hasHighlight = new Uint8Array(1024)
  hasNote = new Uint8Array(1024)
  /** Lower-cased tags of curated reviews. */
  tags: (string[] | undefined)[] = []
  /** Searchable text the user added (note, corrected byline), folded, for reviews that have some. */
  readonly notes = new Map<number, string>()
  /** Folded authors, filled on the first `author:` query. */
  private foldedAuthors: string[] | null = null
  private readonly corrected = new Map<number, string>()
  readonly workIds: string[] = []
  private readonly workOrdinal = new Map<string, number>()
  /** Ordinal by review id; built on first use, since opening never needs it (60 ms or more). */
  private byId: Map<string, number> | null = null
  deadCount = 0

  get size(): number {
    return this.docs.length
  }

  /** The ordinal of each alive review, by id. */
  get ordinalById(): ReadonlyMap<string, number> {
    if (!this.byId) {
      const byId = new Map<string, number>()
      this.docs.forEach((d, o) => d && byId.set(d.id, o))
      this.byId = byId
    }
    return this.byId
  }

  /** Bytes held by the typed columns (the bench reports it). */
  get bytes(): number {
    return [
      this.alive,
      this.rating,
      this.date,
      this.votes,
      this.ratio,
      this.length,
      this.spoiler,
      this.work,
      this.myRating,
      this.kept,
      this.reviewed,
      this.hasHighlight,
      this.hasNote,
    ].reduce((n, a) => n + a.byteLength, 0)
  }

  private ensure(size: number): void {
    this.alive = grow(this.alive, size)
    this.rating = grow(this.rating, size)
    this.date = grow(this.date, size)
    this.votes = grow(this.votes, size)
    this.ratio = grow(this.ratio, size)
    this.length = grow(this.length, size)
    this.spoiler = grow(this.spoiler, size)
    this.work = grow(this.work, size)
    this.myRating = grow(this.myRating, size)
    this.kept = grow(this.kept, size)
    this.reviewed = grow(this.reviewed, size)
    this.hasHighlight = grow(this.hasHighlight, size)
    this.hasNote = grow(this.hasNote, size)
  }

  workIndex(workId: string): number {
    let w = this.workOrdinal.get(workId)
    if (w === undefined) {
      w = this.workIds.length
      this.workIds.push(workId)
      this.workOrdinal.set(workId, w)
    }
    return w
  }

  /** `bodyLength`: given while the body is not loaded yet (a staged open), else read from it. */
  add(review: Review, curation: Curation | undefined, bodyLength = review.body.length): number {
    const o = this.docs.length
    if (o >= this.alive.length) this.ensure(o + 1)
    this.docs.push(review)
    this.byId?.set(review.id, o)
    this.alive[o] = 1
    this.rating[o] = review.rating ?? NONE
    this.date[o] = dateNumber(review.date)
    const h = review.helpful
    this.votes[o] = h ? h.yes : NONE
    this.ratio[o] = h && h.total > 0 ? h.yes / h.total : NaN
    this.length[o] = bodyLength
    this.spoiler[o] = review.spoiler ? 1 : 0
    this.work[o] = this.workIndex(review.workId)
    this.foldedAuthors?.push(fold(review.author))
    this.myRating[o] = NONE
    this.tags.push(undefined)
    // Most reviews have no curation: their fresh (zeroed) columns already say so.
    if (curation) this.setCuration(o, curation)
    return o
  }

  remove(id: string): void {
    const o = this.ordinalById.get(id)
    if (o === undefined) return
    this.byId!.delete(id)
    this.alive[o] = 0
    this.docs[o] = null
    this.setCuration(o, undefined)
    this.deadCount++
  }

  private lastTags: readonly string[] | null = null
  private lastLowered: string[] = []

  /**
   * The tags in lower case, shared (read only) by consecutive reviews with the same tags array:
   * select all + tag gives 100,000 reviews one curation object (see curationChanges).
   */
  private lowered(tags: readonly string[]): string[] {
    if (tags !== this.lastTags) {
      this.lastTags = tags
      this.lastLowered = tags.map((t) => t.toLowerCase())
    }
    return this.lastLowered
  }

  setCuration(o: number, c: Readonly<Curation> | undefined): void {
    this.myRating[o] = c?.myRating ?? NONE
    this.kept[o] = c?.kept ? 1 : 0
    this.reviewed[o] = c?.reviewed ? 1 : 0
    this.hasHighlight[o] = c && c.highlights.length > 0 ? 1 : 0
    this.tags[o] = c && c.tags.length > 0 ? this.lowered(c.tags) : undefined
    this.hasNote[o] = c?.note ? 1 : 0
    // A byline correction wins wherever the byline is shown, so filters and sorts use it too.
    const review = this.docs[o]
    const fix = c?.bylineCorrection
    const shown = review ? shownByline(review, c) : null
    this.date[o] = dateNumber(shown?.date ?? null)
    if (fix) this.corrected.set(o, fix.author)
    else this.corrected.delete(o)
    if (this.foldedAuthors) this.foldedAuthors[o] = shown ? fold(shown.author) : ''
    const extra = [c?.note, fix?.author].filter(Boolean).join('\n')
    if (extra) this.notes.set(o, fold(extra))
    else this.notes.delete(o)
  }

  authors(): string[] {
    if (!this.foldedAuthors) {
      this.foldedAuthors = this.docs.map((d, o) =>
        d ? fold(this.corrected.get(o) ?? d.author) : '',
      )
    }
    return this.foldedAuthors
  }
}
