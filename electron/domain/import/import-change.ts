import type { Curation, ImportRecord, Tag, UnparsedFragment } from '../../../shared/domain'
import type { Collection } from '../../../shared/channels/collections'
import type { FileImportReport } from '../../../shared/channels/import'
import type { ExtraWrite } from '../library/library'
import type { WorkChange } from './merge'

/**
 * Everything one import writes, planned before the first write. A plain import and the restore of
 * our own export produce the same shape, so one mechanism applies, reverts and undoes both.
 */
export interface ImportChange {
  /** The reviews of each work before (null: the work is new) and after. */
  works: WorkChange[]
  /** Text the parser could not read, kept with its import record. */
  fragments: { recordId: string; fileName: string; fragments: UnparsedFragment[] }[]
  records: ImportRecord[]
  /** Tags new to library.json (a restore brings its tag colours). */
  tags: Tag[]
  /** Collections new to library.json (a restore brings the exported ones). */
  collections: Collection[]
  /** Review ids a restore appends to collections the library already has, by collection id. */
  collectionAdds: Map<string, string[]>
  /** Curation a restore writes, and what it replaces (empty for a plain import). */
  curationBefore: Map<string, Curation>
  curationAfter: Map<string, Curation>
  /** The import's kept sources (sources/): written with it, removed by its undo. */
  kept: ExtraWrite[]
}

export interface ImportPlan {
  importId: string
  /** The history step's name, e.g. "Import page.txt" or "Restore backup.json". */
  label: string
  change: ImportChange
  files: FileImportReport[]
}

export const emptyChange = (): ImportChange => ({
  works: [],
  fragments: [],
  records: [],
  tags: [],
  collections: [],
  collectionAdds: new Map(),
  curationBefore: new Map(),
  curationAfter: new Map(),
  kept: [],
})
