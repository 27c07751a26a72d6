import type { EventName, Events, ExportFormat } from '../../../shared/contract'
import { NotFoundError } from '../errors'
import type { Library } from '../library/library'
import { anchoredCuration } from '../services/curation-extras'
import { createExportHandlers } from '../export/export-handlers'
import type { PrintPdf } from '../export/export-service'
import { createImportHandlers } from '../import/import-handlers'
import { libraryInfo } from '../services/library-info'
import { queryReviews } from '../services/query-service'
import { checkExternalUrl } from './external-url'
import type { Handlers } from './dispatch'
import { workspaceHandlers } from './workspace-handlers'
import { forwardLibraryChanges } from '../../app/change-events'

export { dispatch, type Handlers } from './dispatch'

/** What only the Electron layer (or a test harness standing in for it) can do. */
export interface Dialogs {
  chooseImportFiles(): Promise<string[]>
  chooseExportPath(format: ExportFormat, suggestedName: string): Promise<string | null>
}

export interface HandlerDeps {
  library: Library
  dialogs: Dialogs
  openExternal: (url: string) => Promise<void>
  sample: { fileName: string; content: string }
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  /** Prints the HTML report to PDF; only the Electron layer has a printer (absent in the browser harness). */
  printPdf?: PrintPdf
}

/** The main process's answers to every channel of the contract. Requests arrive validated. */
export function createHandlers({
  library,
  dialogs,
  openExternal,
  sample,
  emit,
  printPdf,
}: HandlerDeps): Handlers {
  forwardLibraryChanges(library, (change) => emit('library:changed', change))
  return {
    'library:info': () => libraryInfo(library),
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
    ...createExportHandlers({
      library,
      chooseExportPath: (format, name) => dialogs.chooseExportPath(format, name),
      emit,
      printPdf,
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
    'app:open-external': async ({ url }) => {
      if (!checkExternalUrl(url)) return { opened: false }
      await openExternal(url)
      return { opened: true }
    },
  }
}
