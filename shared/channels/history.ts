import { Empty, res } from './schema-helpers'

export type StepKind = 'curation' | 'tags' | 'import' | 'views' | 'collections'

export interface HistoryEntry {
  id: number
  label: string
  kind: StepKind
  at: string
  /** Undone steps stay listed until a new change makes them unreachable. */
  undone: boolean
}

export interface HistoryState {
  entries: HistoryEntry[]
  canUndo: boolean
  canRedo: boolean
}

export const historyChannels = {
  'history:list': { req: Empty, res: res<HistoryState>() },
  /** Undoes the newest change; `entry` is null when there was nothing to undo. */
  'history:undo': { req: Empty, res: res<{ entry: HistoryEntry | null; state: HistoryState }>() },
  'history:redo': { req: Empty, res: res<{ entry: HistoryEntry | null; state: HistoryState }>() },
} as const
