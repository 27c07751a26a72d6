import type { EventName, Events } from '../../../shared/contract'
import {
  DEFAULT_EXPORT_OPTIONS,
  type ExportFormat,
  type ExportOptions,
  type ExportScope,
} from '../../../shared/channels/export'
import type { ReviewQuery } from '../../../shared/query'
import type { Handlers } from '../dispatch'
import type { Library } from '../../domain/library/library'
import {
  exportContext,
  exportToFile,
  PDF_UNAVAILABLE,
  suggestedFileName,
  type PrintPdf,
  writtenCount,
} from '../export/export-service'
import { deletePreset, readPrefs, rememberOptions, savePreset } from '../export/export-prefs'
import { resolveScope } from '../../domain/export/select'
import { CuratorError } from '../../domain/errors'
import { DEFAULT_REPORT_LOCALE } from '../../domain/export/human-date'
import { citeQuote } from '../../domain/export/quote-citation'

export interface ExportDeps {
  library: Library
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  printPdf?: PrintPdf
  /** Language of the dates in reports (the app's locale); British English when absent. */
  locale?: string
  /** The system clipboard; only the window layer (or a harness standing in for it) has one. */
  writeClipboard?: (text: string) => void
}

type ExportChannel =
  | 'export:save'
  | 'export:count'
  | 'export:run'
  | 'export:cancel'
  | 'export:prefs'
  | 'export:preset-save'
  | 'export:preset-delete'
  | 'export:copy-quote'

/** The export channels. One export runs at a time; `export:cancel` aborts it. */
export function createExportHandlers(deps: ExportDeps): Pick<Handlers, ExportChannel> {
  const { library, emit, printPdf, locale } = deps
  let running: AbortController | null = null

  const context = (format: ExportFormat, scope: ExportScope, options: ExportOptions, title = '') =>
    exportContext(library, resolveScope(library, scope), options, { title, locale }, format)

  const run = async (
    format: ExportFormat,
    scope: ExportScope,
    options: ExportOptions,
    remember: boolean,
    title?: string,
  ) => {
    if (format === 'pdf' && !printPdf) throw new CuratorError('bad-input', PDF_UNAVAILABLE)
    if (running)
      throw new CuratorError('bad-input', 'An export is already running; wait for it or cancel it')
    // Resolved before the dialog, so a bad scope is refused without asking for a file name.
    const ctx = context(format, scope, options, title)
    const path = await deps.chooseExportPath(format, suggestedFileName(ctx, format))
    if (!path) return null
    running = new AbortController()
    try {
      const result = await exportToFile(ctx, {
        format,
        path,
        signal: running.signal,
        printPdf,
        onProgress: (progress) => emit('export:progress', progress),
      })
      if (remember) await rememberOptions(library, format, options)
      return result
    } finally {
      running = null
    }
  }

  return {
    // The quick export writes exactly what the list shows, so it ignores the dialog's settings.
    'export:save': ({ format, query }: { format: ExportFormat; query: ReviewQuery }) =>
      run(format, { kind: 'query', query }, DEFAULT_EXPORT_OPTIONS, false),
    'export:count': ({ format, scope, options }) => {
      const ctx = context(format, scope, options)
      return {
        count: writtenCount(format, options.fields, ctx.matches),
        title: ctx.title,
        fileName: suggestedFileName(ctx, format),
      }
    },
    'export:run': ({ format, scope, options, title }) => run(format, scope, options, true, title),
    'export:cancel': () => {
      if (!running) return { cancelled: false }
      running.abort()
      return { cancelled: true }
    },
    'export:copy-quote': ({ id, highlightId }) => {
      const text = citeQuote(library, id, highlightId, locale ?? DEFAULT_REPORT_LOCALE)
      if (!deps.writeClipboard) throw new CuratorError('bad-input', 'Copying needs the desktop app')
      deps.writeClipboard(text)
      return { text }
    },
    'export:prefs': () => readPrefs(library, !!printPdf),
    'export:preset-save': async ({ name, format, options }) => {
      await savePreset(library, { name, format, options })
      return readPrefs(library, !!printPdf)
    },
    'export:preset-delete': async ({ name }) => {
      await deletePreset(library, name)
      return readPrefs(library, !!printPdf)
    },
  }
}
