import type { Tag, Work } from '../domain'
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
  works: WorkSummary[]
  tags: TagSummary[]
  /** Newest first. */
  imports: ImportSummary[]
}

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

export const libraryChannels = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
  'library:check': { req: Empty, res: res<LibraryCheck>() },
} as const
