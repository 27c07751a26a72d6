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
  type PrintPdf,
  writtenCount,
} from '../export/export-service'
import { deletePreset, readPrefs, rememberOptions, savePreset } from '../export/export-prefs'
import { resolveScope } from '../../domain/export/select'
import { CuratorError } from '../../domain/errors'

export interface ExportDeps {
  library: Library
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  printPdf?: PrintPdf
}

type ExportChannel =
  | 'export:save'
  | 'export:count'
  | 'export:run'
  | 'export:cancel'
  | 'export:prefs'
  | 'export:preset-save'
  | 'export:preset-delete'

export function suggestedExportName(library: Library, scope: ExportScope, format: ExportFormat) {
  const workId =
    scope.kind === 'work' ? scope.workId : scope.kind === 'query' ? scope.query.workId : undefined
  const named =
    (workId && library.getWork(workId)?.title) ||
    (scope.kind === 'tag' && scope.tag) ||
    (scope.kind === 'view' && library.views.find((v) => v.id === scope.id)?.name) ||
    (scope.kind === 'kept' && 'kept reviews') ||
    (scope.kind === 'reviewed' && 'reviewed reviews') ||
    'reviews'
  const base = named.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'reviews'
  const day = library.now().toISOString().slice(0, 10)
  return `${base} ${day}.${format}`
}

/** The export channels. One export runs at a time; `export:cancel` aborts it. */
export function createExportHandlers(deps: ExportDeps): Pick<Handlers, ExportChannel> {
  const { library, emit, printPdf } = deps
  let running: AbortController | null = null

  const run = async (
    format: ExportFormat,
    scope: ExportScope,
    options: ExportOptions,
    remember: boolean,
  ) => {
    if (format === 'pdf' && !printPdf) throw new CuratorError('bad-input', PDF_UNAVAILABLE)
    if (running)
      throw new CuratorError('bad-input', 'An export is already running; wait for it or cancel it')
    // Resolved before the dialog, so a bad scope is refused without asking for a file name.
    const ctx = exportContext(library, resolveScope(library, scope), options)
    const path = await deps.chooseExportPath(format, suggestedExportName(library, scope, format))
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
      const ctx = exportContext(library, resolveScope(library, scope), options)
      return { count: writtenCount(format, options.fields, ctx.matches) }
    },
    'export:run': ({ format, scope, options }) => run(format, scope, options, true),
    'export:cancel': () => {
      if (!running) return { cancelled: false }
      running.abort()
      return { cancelled: true }
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
