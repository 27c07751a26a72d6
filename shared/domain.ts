// Domain types shared by main, preload, renderer and the CLI. Plain data only: everything here
// crosses the IPC boundary and is written to the library's JSON files.
import type { CompleteCuration, HighlightRecord } from './records/curation'
import type { TagRecord } from './records/library'
import type { ReviewRecord } from './records/review'

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

/** What the source says about a review: the fields a parser reads and the library stores. */
export interface ReviewSource {
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
  /** The review was cut off by the copy (start or end of the page missing). */
  truncated: boolean
}

/** Where a parsed value came from: the review's own lines, the page header, the profile owner. */
export type FieldSource = 'line' | 'header' | 'owner'

/** One review exactly as a parser read it from a dump. */
export interface ParsedReview extends ReviewSource {
  /** 1-based line of the review's first line in the source. */
  line: number
  /** The work this review is about, when it differs from the page's (per-user review pages). */
  work?: WorkRef | null
  /** Pages that list critics and users apart (Metacritic-style): which list the review is in. */
  sourceKind?: 'critic' | 'user'
  /** Per field, where its value came from (fields the page did not show are absent). */
  provenance?: Partial<
    Record<'title' | 'author' | 'date' | 'rating' | 'helpful' | 'work', FieldSource>
  >
}

/** Which page family detection chose, and how sure it was (0-1, from coverage and margin). */
export interface Detection {
  family: string
  label: string
  confidence: number
  /** The family that came second, when another one read the page too. */
  runnerUp: string | null
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

export type { FormatId } from './formats'
import type { FormatId } from './formats'

/** The library field a column (or JSON key) of a tabular/JSON dump is read into. */
export type MappedField =
  | 'body'
  | 'rating'
  | 'author'
  | 'date'
  | 'title'
  | 'helpful'
  | 'helpfulTotal'
  | 'spoiler'
  | 'work'
  | 'year'
  | 'ignore'

export interface ColumnInfo {
  name: string
  mappedTo: MappedField
  /** A few sample values, for the mapping step in the UI. */
  samples: string[]
}

export interface ParseOptions {
  /** Overrides detection. */
  format?: FormatId
  /** Column name -> field, overriding the automatic mapping of tabular and JSON dumps. */
  mapping?: Record<string, MappedField>
  /** The scale ratings in the source use; converted to the library's 1-10. */
  ratingScale?: 5 | 10 | 100
}

export interface ParseResult {
  format: FormatId
  /** The page's work; a review may name its own in `ParsedReview.work` (per-user pages). */
  work: WorkRef | null
  declaredCount: number | null
  incomplete: boolean
  reviews: ParsedReview[]
  warnings: ImportWarning[]
  fragments: UnparsedFragment[]
  /** The best-effort generic parser was used: the user should confirm before committing. */
  generic?: boolean
  /** Tabular and JSON dumps: how each column was mapped. */
  columns?: ColumnInfo[]
  /** The encoding the bytes were decoded from, e.g. utf-8, utf-16le, windows-1252. */
  encoding?: string
  /** Text pages: the family detection chose and its confidence. */
  detection?: Detection
}

/**
 * A review as stored in the library. Identity comes from the source's own fields. The type is the
 * stored record's schema (shared/records/review.ts), which the library checks on open.
 */
export type Review = ReviewRecord

/**
 * A passage of a review's body the user marked, e.g. a pull quote: `start` and `end` are UTF-16
 * offsets into the body; `quote` re-anchors them if the body changes.
 */
export type Highlight = HighlightRecord

/** What the user added to a review. Stored apart from the review text. */
export type Curation = CompleteCuration

export type Tag = TagRecord

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
  /** Unparsed blocks kept in imports/<id>.json (absent in records written before they were). */
  fragmentCount?: number
}
