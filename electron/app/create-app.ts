import type { EventName, Events, ExportFormat, Result } from '../../shared/contract'
import { NotFoundError } from '../domain/errors'
import type { Library } from '../domain/library/library'
import { anchoredCuration } from '../domain/curation/anchored-curation'
import { createExportHandlers } from './handlers/export-handlers'
import type { PrintPdf } from './export/export-service'
import { createImportHandlers } from './handlers/import-handlers'
import { libraryInfo } from '../domain/queries/library-info'
import { checkupLibrary } from '../domain/library/library-checkup'
import { queryReviews } from '../domain/queries/query-service'
import { dispatch, type Handlers } from './dispatch'
import { workspaceHandlers } from './handlers/workspace-handlers'
import { reparseHandlers } from './handlers/reparse-handlers'
import { layoutHandlers } from './handlers/layout-handlers'
import { collectChanges } from './change-events'
import { withChangedRows } from './changed-rows'
import { editLane, isOrdered } from './edit-lane'
import { gateOnBodies } from './body-gate'
import { searchEngine } from '../domain/search/engine-registry'

export { dispatch, type Handlers } from './dispatch'

/** What only the Electron layer (or a test harness standing in for it) can do. */
export interface Dialogs {
  chooseImportFiles(): Promise<string[]>
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>
}

export interface HandlerDeps {
  library: Library
  dialogs: Dialogs
  /** Opens a link in the user's browser if the window layer's rules allow it; says whether it did. */
  openExternal: (url: string) => Promise<boolean>
  sample: { fileName: string; content: string }
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  /** Prints the HTML report to PDF; only the Electron layer has a printer (absent in the browser harness). */
  printPdf?: PrintPdf
  /** Language of the dates written in reports; British English when absent. */
  locale?: string
  /** Writes text to the system clipboard (Copy quote). */
  writeClipboard?: (text: string) => void
}

/** The main process's answers to every channel of the contract. Requests arrive validated. */
export function createHandlers({
  library,
  dialogs,
  openExternal,
  sample,
  emit,
  printPdf,
  locale,
  writeClipboard,
}: HandlerDeps): Handlers {
  return {
    'library:info': () => libraryInfo(library),
    'library:opening-notices': () => ({ notices: [...library.notices] }),
    'library:check': () => checkupLibrary(library, library.now()),
    ...reparseHandlers(library),
    ...createImportHandlers({
      library,
      chooseImportFiles: () => dialogs.chooseImportFiles(),
      sample,
      emit,
    }),
    'reviews:query': ({ query, offset, limit }) => queryReviews(library, query, offset, limit),
    'reviews:get': ({ id }) => {
      const review = library.getReview(id)
      if (!review) throw new NotFoundError(`No review with id ${id}`)
      const work = library.getWork(review.workId) ?? { id: review.workId, title: '', year: null }
      return { review, work, curation: anchoredCuration(library, id) }
    },
    ...workspaceHandlers(library),
    ...layoutHandlers(library),
    ...createExportHandlers({
      library,
      chooseExportPath: (format, name) => dialogs.chooseExportPath(format, name),
      emit,
      printPdf,
      locale,
      writeClipboard,
    }),
    'history:list': () => library.history.state(),
    'history:undo': async () => {
      const entry = await library.history.undo()
      return { entry, state: library.history.state() }
    },
    'history:redo': async () => {
      const entry = await library.history.redo()
      return { entry, state: library.history.state() }
    },
    'app:open-external': async ({ url }) => ({ opened: await openExternal(url) }),
  }
}

export interface App {
  handlers: Handlers
  /**
   * The one door for every request, from the window or a test page: validate, run, then tell the
   * window once what the request committed (nothing for a read).
   */
  dispatch(channel: unknown, request: unknown): Promise<Result<unknown>>
}

export function createApp(deps: HandlerDeps): App {
  const handlers = createHandlers(deps)
  deps.library.onNotice((message) => deps.emit('library:notice', { message }))
  // Writes one after another: see edit-lane.ts.
  const lane = editLane()
  const run = async (channel: unknown, request: unknown) => {
    const changes = collectChanges(deps.library)
    try {
      return await dispatch(handlers, channel, request)
    } finally {
      const change = changes.stop()
      if (change) deps.emit('library:changed', withChangedRows(deps.library, change))
    }
  }
  if (deps.library.bodiesLoaded === false) {
    // A staged open whose review files disagreed with the list cache replaced the reviews when
    // they were read: the window is told, as after any request that changed them.
    const changes = collectChanges(deps.library)
    const told = (textLoaded: boolean) => {
      const change = changes.stop()
      if (!textLoaded && !change?.reviews) return
      // Only the reviews matter here: each curation edit meanwhile had its own event.
      const base = change?.reviews ? change : { reviews: false, curationIds: [], meta: false }
      // Text queries may have been answered from the index meanwhile, without snippets.
      deps.emit('library:changed', textLoaded ? { ...base, textLoaded } : base)
    }
    deps.library.bodies().then(
      () => told(true),
      () => told(false),
    )
  }
  // Requests that need review text wait for it before they take their place in the lane, so a
  // curation edit never waits behind them.
  const send = (channel: unknown, request: unknown) =>
    isOrdered(channel) ? lane(() => run(channel, request)) : run(channel, request)
  return {
    handlers,
    dispatch: (channel, request) =>
      gateOnBodies(
        deps.library,
        channel,
        request,
        () => send(channel, request),
        () => searchEngine(deps.library),
      ).catch((e: unknown): Result<unknown> => ({
        ok: false,
        error: { code: 'internal', message: e instanceof Error ? e.message : String(e) },
      })),
  }
}
