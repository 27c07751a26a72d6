import { z } from 'zod'
import { ReviewQuery } from './query'
import type {
  BylineSplit,
  Curation,
  FormatId,
  Helpful,
  ImportWarning,
  Review,
  Tag,
  UnparsedFragment,
  Work,
  WorkRef,
} from './domain'

// The one IPC contract: channel -> request schema (validated in main) and response type.

/** Marks a response type without a runtime schema: main produces it, so it is trusted. */
const res = <T>() => undefined as unknown as T

const ReviewId = z
  .string()
  .regex(/^rv_[0-9a-f]{16}$/, 'expected a review id like rv_0123456789abcdef')
const TagName = z
  .string()
  .trim()
  .min(1, 'a tag needs a name')
  .max(100, 'a tag name is at most 100 characters')
const Rating = z.number().int().min(1).max(10)
const Empty = z.object({}).strict()

export const EXPORT_FORMATS = ['json', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface FileImportReport {
  fileName: string
  format: FormatId
  works: WorkRef[]
  found: number
  declared: number | null
  incomplete: boolean
  added: number
  updated: number
  unchanged: number
  ambiguousBylines: { line: number; bylineRaw: string; alternatives: BylineSplit[] }[]
  warnings: ImportWarning[]
  fragments: UnparsedFragment[]
}

export interface ImportReport {
  files: FileImportReport[]
}

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

export interface ReviewRow {
  id: string
  workId: string
  workTitle: string
  rating: number | null
  myRating: number | null
  title: string
  author: string
  date: string | null
  helpful: Helpful | null
  spoiler: boolean
  tags: string[]
  hasNote: boolean
}

export interface ReviewDetail {
  review: Review
  work: Work
  curation: Curation
}

export interface QueryPage {
  total: number
  offset: number
  rows: ReviewRow[]
}

export interface ExportResult {
  fileName: string
  count: number
}

export const contract = {
  'library:info': { req: Empty, res: res<LibraryInfo>() },
  'import:choose': { req: Empty, res: res<ImportReport | null>() },
  'import:text': {
    req: z
      .object({
        fileName: z.string().min(1).max(500),
        content: z.string().max(512 * 1024 * 1024),
      })
      .strict(),
    res: res<ImportReport>(),
  },
  'import:sample': { req: Empty, res: res<ImportReport>() },
  'reviews:query': {
    req: z
      .object({
        query: ReviewQuery,
        offset: z.number().int().min(0),
        limit: z.number().int().min(1).max(1000),
      })
      .strict(),
    res: res<QueryPage>(),
  },
  'reviews:get': { req: z.object({ id: ReviewId }).strict(), res: res<ReviewDetail>() },
  'curation:tag': {
    req: z
      .object({ ids: z.array(ReviewId).min(1).max(100_000), tags: z.array(TagName).min(1).max(50) })
      .strict(),
    res: res<{ changed: number }>(),
  },
  'curation:untag': {
    req: z
      .object({ ids: z.array(ReviewId).min(1).max(100_000), tags: z.array(TagName).min(1).max(50) })
      .strict(),
    res: res<{ changed: number }>(),
  },
  'curation:rate': {
    req: z
      .object({ ids: z.array(ReviewId).min(1).max(100_000), rating: Rating.nullable() })
      .strict(),
    res: res<{ changed: number }>(),
  },
  'curation:note': {
    req: z.object({ id: ReviewId, note: z.string().max(100_000).nullable() }).strict(),
    res: res<Curation>(),
  },
  'export:save': {
    req: z.object({ format: z.enum(EXPORT_FORMATS), query: ReviewQuery }).strict(),
    res: res<ExportResult | null>(),
  },
  'app:open-external': {
    req: z.object({ url: z.string().url().max(2000) }).strict(),
    res: res<{ opened: boolean }>(),
  },
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
  'library:changed': { reason: 'import' | 'curation' }
  'menu:command': { command: 'import' | 'export-json' | 'export-csv' }
}
export type EventName = keyof Events
export const EVENT_NAMES: EventName[] = ['library:changed', 'menu:command']

/** The whole API the preload exposes as `window.curator`. */
export interface CuratorApi {
  invoke<C extends Channel>(channel: C, req: Req<C>): Promise<Result<Res<C>>>
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void
}
