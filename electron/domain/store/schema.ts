import type { ExportOptions, ExportPreset } from '../../../shared/channels/export'
import type { WorkspaceLayout } from '../../../shared/channels/layout'
import type { Collection } from '../../../shared/channels/collections'
import type { SavedView } from '../../../shared/channels/views'
import type { Curation, ImportRecord, Review, Tag, Work } from '../../../shared/domain'

// The on-disk shapes. Review text (large, written on import) and the user's curation (small,
// written on every edit) live in different files so an edit never rewrites review text.

export const SCHEMA_VERSION = 1

/** library.json: the index of the library, rewritten on import and tag changes. */
export interface LibraryFile {
  schemaVersion: number
  /** Bumped by every commit: a writer holding an older number knows the library changed. */
  generation: number
  createdAt: string
  imports: ImportRecord[]
  tags: Tag[]
  /** Saved views (named queries). Files written before views existed get [] on read. */
  views: SavedView[]
  /** Manual collections, in the sidebar's order. Files written before them get [] on read. */
  collections: Collection[]
  /** The export options last used per format (`{}` for files written before export had them). */
  exportSettings: Partial<Record<string, ExportOptions>>
  /** Named export presets (`[]` for older files). */
  exportPresets: ExportPreset[]
  /** Pane widths and list columns; missing until the user changes the layout. */
  layout?: WorkspaceLayout
}

/** reviews/<workId>.json: one work and its reviews, rewritten only when that work is imported. */
export interface ReviewsFile {
  schemaVersion: number
  work: Work
  reviews: Review[]
}

/** curation/<bucket>.json: curation of the reviews whose id falls in that bucket. */
export interface CurationFile {
  schemaVersion: number
  items: Record<string, Curation>
}
