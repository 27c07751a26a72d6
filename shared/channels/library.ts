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
  /** Reviews whose name/date split is a guess the user has not settled (the first-run hint). */
  ambiguousBylines: number
}

export const libraryChannels = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
} as const
