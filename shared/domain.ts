// Domain types shared by main, preload, renderer and the CLI. Plain data only: everything here
// crosses the IPC boundary and is written to the library's JSON files.

export interface WorkRef {
  title: string
  year: number | null
}

export interface Work extends WorkRef {
  id: string
}

export interface Helpful {
  yes: number
  total: number
}

export interface BylineSplit {
  author: string
  /** ISO date, YYYY-MM-DD. */
  date: string
}

/** One review exactly as a parser read it from a dump. */
export interface ParsedReview {
  rating: number | null
  title: string
  author: string
  date: string | null
  bylineRaw: string
  bylineAmbiguous: boolean
  /** Every valid author/date split of the byline, the chosen one first. */
  bylineAlternatives: BylineSplit[]
  spoiler: boolean
  helpful: Helpful | null
  body: string
  /** 1-based line of the review's first line in the source. */
  line: number
  /** The review was cut off by the copy (start or end of the page missing). */
  truncated: boolean
}

export interface ImportWarning {
  line: number
  code: string
  message: string
}

export interface UnparsedFragment {
  line: number
  text: string
}

export type FormatId = 'imdb-title-reviews-text'

export interface ParseResult {
  format: FormatId
  work: WorkRef | null
  declaredCount: number | null
  incomplete: boolean
  reviews: ParsedReview[]
  warnings: ImportWarning[]
  fragments: UnparsedFragment[]
}

/** A review as stored in the library. Identity comes from the source's own fields. */
export interface Review {
  id: string
  workId: string
  rating: number | null
  title: string
  author: string
  date: string | null
  bylineRaw: string
  bylineAmbiguous: boolean
  bylineAlternatives: BylineSplit[]
  spoiler: boolean
  helpful: Helpful | null
  body: string
  truncated: boolean
  importId: string
  importedAt: string
}

/** A passage of a review's body the user marked, e.g. a pull quote. */
export interface Highlight {
  id: string
  /** UTF-16 offsets into the review body; `quote` re-anchors them if the body changes. */
  start: number
  end: number
  quote: string
  tag: string | null
  comment: string | null
  createdAt: string
}

/** What the user added to a review. Stored apart from the review text. */
export interface Curation {
  tags: string[]
  note: string | null
  myRating: number | null
  /** Chosen for the selection (the "keep" star). */
  kept: boolean
  highlights: Highlight[]
  /** The user's author/date split of an ambiguous byline; wins over the parser's on re-import. */
  bylineCorrection: BylineSplit | null
  updatedAt: string
}

export interface Tag {
  name: string
  color: string
}

export interface ImportRecord {
  id: string
  fileName: string
  format: FormatId
  importedAt: string
  workIds: string[]
  found: number
  declared: number | null
  added: number
  updated: number
  unchanged: number
}
