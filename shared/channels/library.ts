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
  /** Reviews starred with Keep, and reviews marked reviewed: the sidebar's two sets. */
  keptCount: number
  reviewedCount: number
  works: WorkSummary[]
  tags: TagSummary[]
  /** Newest first. */
  imports: ImportSummary[]
}

export const libraryChannels = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
} as const
