import type { Tag, Work } from '../domain'
import { z } from 'zod'
import { Empty, res } from './schema-helpers'

export interface WorkSummary extends Work {
  reviewCount: number
}

export interface TagSummary extends Tag {
  count: number
}

export interface ImportSummary {
  id: string
  fileName: string
  importedAt: string
  found: number
  added: number
}

export interface LibraryInfo {
  reviewCount: number
  /** Reviews starred with Keep, and reviews marked reviewed: the sidebar's two sets. */
  keptCount: number
  reviewedCount: number
  works: WorkSummary[]
  tags: TagSummary[]
  /** Newest first. */
  imports: ImportSummary[]
  /** Reviews whose name/date split is a guess the user has not settled (the first-run hint). */
  ambiguousBylines: number
}

/** One import as re-parsing sees it: re-read from its kept source, or why not. */
export interface ReparseImport {
  /** The import record's id (what the sidebar and `reviews` show). */
  recordId: string
  fileName: string
  importedAt: string
  status: 'reparsed' | 'no-source' | 'unreadable' | 'restore'
  /** Why it was not re-read (no-source, unreadable, restore). */
  message: string | null
  added: number
  removed: number
  changed: number
}

export interface ReparseReviewChange {
  kind: 'added' | 'removed' | 'changed'
  id: string
  workTitle: string
  title: string
  author: string
  /** The source fields that differ (changed reviews). */
  fields: string[]
  recordId: string
}

/** What today's parsers make of the kept sources, against what the library holds. */
export interface ReparseDiff {
  imports: ReparseImport[]
  added: number
  removed: number
  changed: number
  /** The first REPORT_LIST_CAP reviews that differ. */
  reviews: ReparseReviewChange[]
  /** Set by library:reparse-apply: the history step's label (null when there was nothing to do). */
  applied: string | null
}

const ReparseRequest = z.object({ importId: z.string().min(1).max(200).optional() }).strict()

/** One line of Check Library (`review-curator doctor` in the CLI). */
export interface CheckEntry {
  /** What was checked: a file of the library (`reviews/wk_1.json`), `backups` or `library`. */
  subject: string
  /** ok: reads; repaired: fixed now; problem: needs the user; note: worth knowing. */
  level: 'ok' | 'repaired' | 'problem' | 'note'
  message: string
}

export interface LibraryCheck {
  entries: CheckEntry[]
  /** How many entries need the user. */
  problems: number
}

/** What opening the library repaired or set aside, said once in the window instead of a modal. */
export interface OpeningNotices {
  notices: string[]
}

export const libraryChannels = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
  'library:opening-notices': { req: Empty, res: res<OpeningNotices>() },
  'library:reparse-preview': { req: ReparseRequest, res: res<ReparseDiff>() },
  'library:reparse-apply': { req: ReparseRequest, res: res<ReparseDiff>() },
  'library:check': { req: Empty, res: res<LibraryCheck>() },
} as const
