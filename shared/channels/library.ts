import type { Tag, Work } from '../domain'
import { Empty, res } from './schema-helpers'

export interface WorkSummary extends Work {
  reviewCount: number
}

export interface TagSummary extends Tag {
  count: number
}

export interface LibraryInfo {
  reviewCount: number
  works: WorkSummary[]
  tags: TagSummary[]
}

export const libraryChannels = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
} as const
