import { basename } from 'node:path'
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportFormat,
  type ExportOptions,
  type ExportProgress,
  type ExportResult,
} from '../../../shared/channels/export'
import { CuratorError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import type { Match } from '../../domain/queries/query-service'
import { writeAtomicStream } from '../../domain/export/atomic-stream'
import { csvWriter } from '../../domain/export/csv-writer'
import { worksOf, type ExportContext, type FormatWriter } from '../../domain/export/export-context'
import { DEFAULT_REPORT_LOCALE } from '../../domain/export/human-date'
import { defaultReportTitle, exportFileName } from '../../domain/export/report-naming'
import { docxQuoteSheet } from '../../domain/export/docx-quote-sheet'
import { htmlWriter } from '../../domain/export/html-report'
import { jsonlWriter, jsonWriter } from '../../domain/export/json-writer'
import { inQuoteSheet, markdownWriter } from '../../domain/export/markdown-writer'
import { selectMatches, type ResolvedScope } from '../../domain/export/select'

/** Electron's printToPDF of an HTML document; absent where there is no Electron (CLI, browser). */
export type PrintPdf = (html: string) => Promise<Uint8Array>

export const PDF_UNAVAILABLE =
  'PDF export needs the desktop app (it prints the HTML report with Electron); export HTML and print it instead'

/** The formats written as text, in a stream; PDF and DOCX are binary and made whole. */
export type TextFormat = Exclude<ExportFormat, 'pdf' | 'docx'>

export const isTextFormat = (format: ExportFormat): format is TextFormat =>
  format !== 'pdf' && format !== 'docx'

function writerFor(format: TextFormat, ctx: ExportContext): FormatWriter {
  switch (format) {
    case 'json':
      return jsonWriter(ctx)
    case 'jsonl':
      return jsonlWriter(ctx)
    case 'csv':
      return csvWriter(ctx, ',')
    case 'tsv':
      return csvWriter(ctx, '\t')
    case 'md':
      return markdownWriter(ctx)
    case 'html':
      return htmlWriter(ctx)
  }
}

/** How many of the matches a format writes: the quote sheet and "highlights only" skip some. */
export function writtenCount(format: ExportFormat, fields: string, matches: Match[]): number {
  if (format === 'md' || format === 'docx') return matches.filter(inQuoteSheet).length
  if (fields === 'highlights' && format !== 'json' && format !== 'jsonl') {
    return matches.filter((m) => m.curation.highlights.length > 0).length
  }
  return matches.length
}

/** What a person names or reads in a report: a title of their own and the language of dates. */
export interface ReportText {
  title?: string
  locale?: string
}

export function exportContext(
  library: Library,
  scope: ResolvedScope,
  options: ExportOptions,
  text: ReportText = {},
  format: ExportFormat = 'html',
): ExportContext {
  const matches = selectMatches(library, scope, options)
  const partial = { library, scope, options, matches }
  const count = writtenCount(format, options.fields, matches)
  const title = text.title?.trim() || defaultReportTitle(worksOf(partial), scope.subject, count)
  const locale = text.locale ?? DEFAULT_REPORT_LOCALE
  return { ...partial, exportedAt: library.now().toISOString(), title, locale }
}

/** The file name the save dialog proposes: the work and the set, e.g. "Pusher II (2004) - kept reviews.html". */
export function suggestedFileName(ctx: ExportContext, format: ExportFormat): string {
  return exportFileName(worksOf(ctx), ctx.scope.subject, format)
}

/** The whole export as one string: for stdout, tests and the PDF printer. */
export function renderToString(format: TextFormat, ctx: ExportContext): string {
  const w = writerFor(format, ctx)
  const parts = [w.head()]
  ctx.matches.forEach((m, i) => parts.push(w.row(m, i)))
  parts.push(w.tail())
  return parts.join('')
}

/** Renders an export in memory (CLI stdout, tests); files go through exportToFile. */
export function renderExport(
  library: Library,
  format: TextFormat,
  scope: ResolvedScope,
  options: ExportOptions = DEFAULT_EXPORT_OPTIONS,
  text: ReportText = {},
): { text: string; count: number } {
  const ctx = exportContext(library, scope, options, text, format)
  return {
    text: renderToString(format, ctx),
    count: writtenCount(format, options.fields, ctx.matches),
  }
}

export interface ExportRun {
  format: ExportFormat
  path: string
  signal?: AbortSignal
  onProgress?: (progress: ExportProgress) => void
  printPdf?: PrintPdf
}

const PROGRESS_EVERY = 2000

/** Streams an export to `path` atomically and reports what was written. */
export async function exportToFile(ctx: ExportContext, run: ExportRun): Promise<ExportResult> {
  const { format, path, signal, onProgress } = run
  const total = ctx.matches.length
  let bytes: number
  if (!isTextFormat(format)) {
    let data: Uint8Array
    if (format === 'docx') data = await docxQuoteSheet(ctx)
    else if (!run.printPdf) throw new CuratorError('bad-input', PDF_UNAVAILABLE)
    else data = await run.printPdf(renderToString('html', ctx))
    // latin1 maps bytes 0-255 to code units one to one, so the file's bytes pass through unchanged.
    bytes = await writeAtomicStream(
      path,
      async (sink) => sink.write(Buffer.from(data).toString('latin1')),
      signal,
      'latin1',
    )
  } else {
    const w = writerFor(format, ctx)
    bytes = await writeAtomicStream(
      path,
      async (sink) => {
        await sink.write(w.head())
        for (let i = 0; i < total; i++) {
          await sink.write(w.row(ctx.matches[i]!, i))
          if (onProgress && (i + 1) % PROGRESS_EVERY === 0) onProgress({ written: i + 1, total })
        }
        await sink.write(w.tail())
      },
      signal,
    )
  }
  onProgress?.({ written: total, total })
  return {
    fileName: basename(path),
    format,
    count: writtenCount(format, ctx.options.fields, ctx.matches),
    bytes,
  }
}
