import type { z } from 'zod'
import { appChannels } from './channels/app'
import { collectionChannels } from './channels/collections'
import { curationChannels } from './channels/curation'
import { exportChannels } from './channels/export'
import { historyChannels } from './channels/history'
import { importChannels } from './channels/import'
import { insightChannels } from './channels/insights'
import { layoutChannels } from './channels/layout'
import { libraryChannels } from './channels/library'
import { reviewChannels } from './channels/reviews'
import { tagChannels } from './channels/tags'
import { viewChannels } from './channels/views'

// The one IPC contract: channel -> request schema (validated in main) and response type. Each
// domain declares its channels in shared/channels/<domain>.ts; this file joins them.

export type * from './channels/app'
export type * from './channels/curation'
export type * from './channels/history'
export type * from './channels/import'
export type * from './channels/library'
export type * from './channels/reviews'
export type * from './channels/tags'
export type * from './channels/views'
export type * from './channels/collections'
export type * from './channels/insights'
export type * from './channels/layout'
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type ExportProgress,
  type ExportResult,
} from './channels/export'
import type { ExportProgress } from './channels/export'
import type { ImportProgress } from './channels/import'
import type { ReviewRow } from './channels/reviews'

export const contract = {
  ...libraryChannels,
  ...importChannels,
  ...reviewChannels,
  ...curationChannels,
  ...exportChannels,
  ...historyChannels,
  ...tagChannels,
  ...viewChannels,
  ...collectionChannels,
  ...insightChannels,
  ...layoutChannels,
  ...appChannels,
} as const

export type Contract = typeof contract
export type Channel = keyof Contract
export type Req<C extends Channel> = z.input<Contract[C]['req']>
export type Res<C extends Channel> = Contract[C]['res']
export const CHANNELS = Object.keys(contract) as Channel[]

export const ERROR_CODES = [
  'invalid-request',
  'bad-input',
  'not-found',
  'cancelled',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface IpcError {
  code: ErrorCode
  message: string
}

/** Every invoke resolves to this envelope, so typed errors survive the IPC boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError }

/**
 * What one commit (or a burst of commits in the same turn) changed, sent after it is on disk.
 * The renderer patches rows from `curationIds` and re-queries only when `reviews` or `meta` says so.
 */
export interface LibraryChanged {
  /** Reviews were added, replaced or removed (an import, its undo, a restore). */
  reviews: boolean
  /**
   * Reviews whose curation (tags, note, ratings, kept, highlights, byline) changed; empty when
   * `manyCurations` says more changed than are worth naming.
   */
  curationIds: string[]
  /**
   * Set instead of naming them when one request changed the curation of more reviews than
   * electron/app/change-events.ts IDS_WITH_EVENT (select all + tag, its undo): how many. Every
   * holder of curated data then re-reads what it shows, once.
   */
  manyCurations?: number
  /** library.json changed: tags, saved views, collections, import records or export settings. */
  meta: boolean
  /**
   * The list rows of the reviews in `curationIds` as they are now, when there are few enough
   * (see electron/app/changed-rows.ts): the list patches them without asking main again.
   */
  rows?: ReviewRow[]
  /**
   * A staged open has read every review's text: text queries answered before it (from the search
   * index, electron/app/body-gate.ts) had no snippets, so a list showing one asks again.
   */
  textLoaded?: boolean
}

/** Messages main pushes to the renderer. */
export interface Events {
  'library:changed': LibraryChanged
  'menu:command': {
    command:
      | 'import'
      | 'import-paste'
      | 'export'
      | 'export-json'
      | 'export-csv'
      | 'undo'
      | 'redo'
      | 'shortcuts'
      | 'reparse'
      | 'check-library'
  }
  /** Something the user should know that no request answered (a backup that failed). */
  'library:notice': { message: string }
  /** A running export's progress, in reviews. */
  'export:progress': ExportProgress
  /** A running import's progress (reading, parsing, writing), for the window and taskbar bars. */
  'import:progress': ImportProgress
  /**
   * The OS opened files with the app (file manager, dock, recent menu). Main holds the paths;
   * the page asks for a preview with `import:preview` `{ source: { kind: 'files' } }`, which
   * takes them instead of showing the open dialog.
   */
  'app:open-files': { count: number }
}
export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = [
  'library:changed',
  'menu:command',
  'export:progress',
  'import:progress',
  'app:open-files',
  'library:notice',
]
/** Events the preload holds until the page listens, because they can arrive while it loads. */
export const BUFFERED_EVENTS: readonly EventName[] = ['app:open-files']

/** The whole API the preload exposes as `window.curator`. */
export interface CuratorApi {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
