import { z } from 'zod'
import type {
  BylineSplit,
  ColumnInfo,
  Detection,
  FormatId,
  ImportWarning,
  UnparsedFragment,
  WorkRef,
} from '../domain'
import { Empty, res } from './schema-helpers'

/** Files above this are refused before they are read: memory and time stay bounded. */
export const MAX_IMPORT_BYTES = 300 * 1024 * 1024
/** Lists in reports and previews are cut here; the counts stay exact and fragments stay stored. */
export const REPORT_LIST_CAP = 200
export const PREVIEW_SAMPLE_ROWS = 20

export { FORMAT_IDS } from '../formats'
import { FORMAT_IDS } from '../formats'

export const MAPPED_FIELDS = [
  'body',
  'rating',
  'author',
  'date',
  'title',
  'helpful',
  'helpfulTotal',
  'spoiler',
  'work',
  'year',
  'ignore',
] as const

export const ParseOptionsSchema = z
  .object({
    format: z.enum(FORMAT_IDS).optional(),
    mapping: z
      .record(z.string().max(500), z.enum(MAPPED_FIELDS))
      .refine((m) => Object.keys(m).length <= 500, 'at most 500 columns')
      .optional(),
    ratingScale: z.union([z.literal(5), z.literal(10), z.literal(100)]).optional(),
  })
  .strict()

export interface AmbiguousByline {
  line: number
  bylineRaw: string
  alternatives: BylineSplit[]
}

export interface FileImportReport {
  fileName: string
  /** The import record of this file; fragments are fetched with it. */
  recordId: string
  format: FormatId
  encoding: string | null
  /** The best-effort generic parser read this file. */
  generic: boolean
  works: WorkRef[]
  found: number
  declared: number | null
  incomplete: boolean
  added: number
  updated: number
  unchanged: number
  ambiguousBylines: AmbiguousByline[]
  ambiguousCount: number
  warnings: ImportWarning[]
  warningCount: number
  /** The first REPORT_LIST_CAP fragments; every one is stored with the import. */
  fragments: UnparsedFragment[]
  fragmentCount: number
  /** Text pages: the page family detection chose and how sure it was. */
  detection?: Detection
}

export interface ImportReport {
  /** One import, one undoable step, whatever the number of files. */
  importId: string
  files: FileImportReport[]
  /** A dry run: nothing was written. */
  dryRun?: boolean
}

export interface PreviewRow {
  line: number
  work: WorkRef
  rating: number | null
  title: string
  author: string
  date: string | null
  helpful: { yes: number; total: number } | null
  spoiler: boolean
  truncated: boolean
  excerpt: string
}

export interface FilePreview {
  fileName: string
  sizeBytes: number
  /** Why this file cannot be imported as read (then the fields below are empty). */
  error: string | null
  /** The user's override, when there is one; `format` is what was used. */
  formatOverride: FormatId | null
  format: FormatId | null
  encoding: string | null
  generic: boolean
  works: WorkRef[]
  found: number
  declared: number | null
  incomplete: boolean
  rows: PreviewRow[]
  ambiguousBylines: AmbiguousByline[]
  ambiguousCount: number
  warnings: ImportWarning[]
  warningCount: number
  fragments: UnparsedFragment[]
  fragmentCount: number
  /** Tabular and JSON dumps: the column mapping the mapping step edits. */
  columns: ColumnInfo[] | null
  ratingScale: 5 | 10 | 100 | null
  /** What committing would do to the library now. */
  wouldAdd: number
  wouldUpdate: number
  wouldKeep: number
}

export interface ImportPreview {
  previewId: string
  files: FilePreview[]
}

export interface ImportProgress {
  /** false once the import finished, failed or was cancelled: hide the bar. */
  active: boolean
  phase: 'reading' | 'parsing' | 'writing'
  fileName: string
  /** 0..1 over the whole import. */
  fraction: number
}

export interface UndoImportResult {
  /** 'history': it was the newest change, so Redo can bring it back. */
  via: 'history' | 'direct'
  label: string
}

const FileName = z.string().min(1).max(500)
const PreviewId = z.string().regex(/^pv_[0-9a-z]{1,40}$/, 'expected a preview id like pv_1')
// im_: a parsed import; rs_: a restored Review Curator export.
const ImportId = z.string().regex(/^(im|rs)_[0-9a-z_]{1,60}$/, 'expected an import id like im_1')

export const PreviewSource = z.discriminatedUnion('kind', [
  /** Pasted text. */
  z
    .object({
      kind: z.literal('text'),
      fileName: FileName,
      content: z.string().max(MAX_IMPORT_BYTES * 2),
    })
    .strict(),
  /** Dropped files' bytes, base64, so their encoding is detected in main like a chosen file's. */
  z
    .object({
      kind: z.literal('bytes'),
      files: z
        .array(
          z
            .object({
              fileName: FileName,
              base64: z.string().max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 1024),
            })
            .strict(),
        )
        .min(1)
        .max(50),
    })
    .strict(),
  /** Ask main to show the open dialog. */
  z.object({ kind: z.literal('files') }).strict(),
])
export type PreviewSource = z.infer<typeof PreviewSource>

export const importChannels = {
  'import:sample': { req: Empty, res: res<ImportReport>() },
  /** Parses without writing; null when the file dialog was cancelled. */
  'import:preview': {
    req: z.object({ source: PreviewSource, options: ParseOptionsSchema.optional() }).strict(),
    res: res<ImportPreview | null>(),
  },
  /** Parses one file of a preview again with other options (format, mapping, rating scale). */
  'import:reparse': {
    req: z
      .object({
        previewId: PreviewId,
        fileIndex: z.number().int().min(0).max(999),
        options: ParseOptionsSchema,
      })
      .strict(),
    res: res<FilePreview>(),
  },
  /** Imports the files of a preview that parsed; the preview is then discarded. */
  'import:commit': { req: z.object({ previewId: PreviewId }).strict(), res: res<ImportReport>() },
  /** Stops a running parse and discards the preview; the library is untouched. */
  'import:cancel': {
    req: z.object({ previewId: PreviewId.optional() }).strict(),
    res: res<{ cancelled: boolean }>(),
  },
  /** Reverts one import: through history when it is the newest change, else directly. */
  'import:undo': { req: z.object({ importId: ImportId }).strict(), res: res<UndoImportResult>() },
  /** Every unparsed fragment of one file's import, as plain text to copy or save. */
  'import:fragments': {
    req: z.object({ recordId: ImportId }).strict(),
    res: res<{ fileName: string; text: string; count: number }>(),
  },
} as const
