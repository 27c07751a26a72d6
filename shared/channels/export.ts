import { z } from 'zod'
import { ReviewQuery, SORT_FIELDS } from '../query'
import { Empty, res, ReviewId, ReviewIds, TagName } from './schema-helpers'

/** Each format's id is also its file extension. */
export const EXPORT_FORMATS = ['json', 'jsonl', 'csv', 'tsv', 'md', 'docx', 'html', 'pdf'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export const EXPORT_FORMAT_LABELS: Record<ExportFormat, string> = {
  json: 'JSON (full backup)',
  jsonl: 'JSON Lines (one review per line)',
  csv: 'CSV (spreadsheet)',
  tsv: 'TSV (tab-separated)',
  md: 'Markdown quote sheet',
  docx: 'Word quote sheet (DOCX)',
  html: 'HTML report',
  pdf: 'PDF report',
}

/**
 * Which fields: everything; the review as imported; the curation with just enough of the review
 * to tell which one it is; or only the highlighted passages.
 */
export const EXPORT_FIELDS = ['all', 'original', 'curation', 'highlights'] as const
export type ExportFields = (typeof EXPORT_FIELDS)[number]

export const ExportScope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('selection'), ids: ReviewIds }).strict(),
  z.object({ kind: z.literal('query'), query: ReviewQuery }).strict(),
  z.object({ kind: z.literal('view'), id: z.string().min(1).max(100) }).strict(),
  z.object({ kind: z.literal('tag'), tag: TagName }).strict(),
  z.object({ kind: z.literal('work'), workId: z.string().min(1).max(100) }).strict(),
  /** The reviews starred with Keep: the pull-quote set. */
  z.object({ kind: z.literal('kept') }).strict(),
  /** A manual collection, written in the collection's order unless an order is chosen. */
  z.object({ kind: z.literal('collection'), id: z.string().min(1).max(100) }).strict(),
  /** The reviews marked as reviewed (R): what the curator has been through. */
  z.object({ kind: z.literal('reviewed') }).strict(),
  z.object({ kind: z.literal('library') }).strict(),
])
export type ExportScope = z.infer<typeof ExportScope>

export const ExportOptions = z
  .object({
    fields: z.enum(EXPORT_FIELDS),
    includeSpoilers: z.boolean(),
    /** null keeps the scope's own order (the list's sort for a query or view). */
    order: z
      .object({ field: z.enum(SORT_FIELDS), dir: z.enum(['asc', 'desc']) })
      .strict()
      .nullable(),
    /** CSV and TSV only: a byte-order mark so Excel reads the file as UTF-8. */
    bom: z.boolean(),
  })
  .strict()
export type ExportOptions = z.infer<typeof ExportOptions>

export const DEFAULT_EXPORT_OPTIONS: ExportOptions = {
  fields: 'all',
  includeSpoilers: true,
  order: null,
  bom: true,
}

export interface ExportPreset {
  name: string
  format: ExportFormat
  options: ExportOptions
}

export interface ExportPrefs {
  /** The options last used with each format. */
  last: Partial<Record<ExportFormat, ExportOptions>>
  presets: ExportPreset[]
  /** PDF needs Electron's printer; the browser harness has none. */
  pdfAvailable: boolean
}

export interface ExportResult {
  fileName: string
  format: ExportFormat
  /** Reviews written (for Markdown: the kept or highlighted ones). */
  count: number
  bytes: number
}

export interface ExportProgress {
  written: number
  total: number
}

const PresetName = z
  .string()
  .trim()
  .min(1, 'a preset needs a name')
  .max(100, 'a preset name is at most 100 characters')

const Format = z.enum(EXPORT_FORMATS)

const ReportTitle = z.string().max(300, 'a report title is at most 300 characters')

export const exportChannels = {
  /** Quick export of the list's query with the format's last options (toolbar buttons, menu). */
  'export:save': {
    req: z.object({ format: Format, query: ReviewQuery }).strict(),
    res: res<ExportResult | null>(),
  },
  /**
   * How many reviews an export would write, shown before the save dialog opens, with the report's
   * default title and the file name the save dialog will propose.
   */
  'export:count': {
    req: z.object({ format: Format, scope: ExportScope, options: ExportOptions }).strict(),
    res: res<{ count: number; title: string; fileName: string }>(),
  },
  'export:run': {
    req: z
      .object({
        format: Format,
        scope: ExportScope,
        options: ExportOptions,
        /** The report's title (HTML, PDF, quote sheets); blank or absent: the default one. */
        title: ReportTitle.optional(),
      })
      .strict(),
    res: res<ExportResult | null>(),
  },
  /** Stops the running export; its temp file is removed and nothing is left behind. */
  'export:cancel': { req: Empty, res: res<{ cancelled: boolean }>() },
  'export:prefs': { req: Empty, res: res<ExportPrefs>() },
  'export:preset-save': {
    req: z.object({ name: PresetName, format: Format, options: ExportOptions }).strict(),
    res: res<ExportPrefs>(),
  },
  /**
   * Copies a highlight (the given one, else the review's first) with its attribution to the
   * system clipboard, through main's clipboard; answers the text copied.
   */
  'export:copy-quote': {
    req: z.object({ id: ReviewId, highlightId: z.string().min(1).max(100).optional() }).strict(),
    res: res<{ text: string }>(),
  },
  'export:preset-delete': {
    req: z.object({ name: PresetName }).strict(),
    res: res<ExportPrefs>(),
  },
} as const
