import type {
  CollectionSummary,
  HistoryState,
  LibraryInfo,
  SavedViewSummary,
} from '../../../shared/contract'
import { invoke } from '../api'

/** What the sidebar and the toolbar show, read again after any commit. */
export interface LibraryState {
  info: LibraryInfo | null
  views: SavedViewSummary[]
  collections: CollectionSummary[]
  history: HistoryState
}

export const EMPTY_HISTORY: HistoryState = { entries: [], canUndo: false, canRedo: false }

export const readInfo = () => invoke('library:info', {})
export const readViews = () => invoke('views:list', {})
export const readCollections = () => invoke('collections:list', {})
export const readHistory = () => invoke('history:list', {})
