import type { z } from 'zod'
import { appChannels } from './channels/app'
import { curationChannels } from './channels/curation'
import { exportChannels } from './channels/export'
import { historyChannels } from './channels/history'
import { importChannels } from './channels/import'
import { libraryChannels } from './channels/library'
import { reviewChannels } from './channels/reviews'

// The one IPC contract: channel -> request schema (validated in main) and response type. Each
// domain declares its channels in shared/channels/<domain>.ts; this file joins them.

export type * from './channels/app'
export type * from './channels/curation'
export type * from './channels/history'
export type * from './channels/import'
export type * from './channels/library'
export type * from './channels/reviews'
export { EXPORT_FORMATS, type ExportFormat, type ExportResult } from './channels/export'

export const contract = {
  ...libraryChannels,
  ...importChannels,
  ...reviewChannels,
  ...curationChannels,
  ...exportChannels,
  ...historyChannels,
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

/** Messages main pushes to the renderer. */
export interface Events {
  'library:changed': { reason: 'import' | 'curation' | 'history' }
  'menu:command': { command: 'import' | 'export-json' | 'export-csv' }
}
export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = ['library:changed', 'menu:command']

/** The whole API the preload exposes as `window.curator`. */
export interface CuratorApi {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
