import type { EventName, Events, ExportFormat } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import { NotFoundError } from '../errors'
import type { Library } from '../library/library'
import { writeFileAtomic } from '../store/write-atomic'
import { addTags, removeTags, setMyRating, setNote } from '../services/curation-service'
import { renderExport } from '../services/export-service'
import { importFiles, importText } from '../services/import-service'
import { libraryInfo } from '../services/library-info'
import { queryReviews } from '../services/query-service'
import { checkExternalUrl } from './external-url'
import type { Handlers } from './dispatch'

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
}

function suggestedExportName(library: Library, query: ReviewQuery, format: ExportFormat): string {
  const work = query.workId ? library.getWork(query.workId)?.title : undefined
  const base = (work ?? 'reviews').replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'reviews'
  const day = library.now().toISOString().slice(0, 10)
  return `${base} ${day}.${format}`
}

/** The main process's answers to every channel of the contract. Requests arrive validated. */
export function createHandlers({
  library,
  dialogs,
  openExternal,
  sample,
  emit,
}: HandlerDeps): Handlers {
  const changed = <T>(reason: Events['library:changed']['reason'], value: T): T => {
    emit('library:changed', { reason })
    return value
  }
  return {
    'library:info': () => libraryInfo(library),
    'import:choose': async () => {
      const paths = await dialogs.chooseImportFiles()
      if (paths.length === 0) return null
      return changed('import', await importFiles(library, paths))
    },
    'import:text': async ({ fileName, content }) =>
      changed('import', await importText(library, fileName, content)),
    'import:sample': async () =>
      changed('import', await importText(library, sample.fileName, sample.content)),
    'reviews:query': ({ query, offset, limit }) => queryReviews(library, query, offset, limit),
    'reviews:get': ({ id }) => {
      const review = library.getReview(id)
      if (!review) throw new NotFoundError(`No review with id ${id}`)
      const work = library.getWork(review.workId) ?? { id: review.workId, title: '', year: null }
      return { review, work, curation: library.getCuration(id) }
    },
    'curation:tag': async ({ ids, tags }) => changed('curation', await addTags(library, ids, tags)),
    'curation:untag': async ({ ids, tags }) =>
      changed('curation', await removeTags(library, ids, tags)),
    'curation:rate': async ({ ids, rating }) =>
      changed('curation', await setMyRating(library, ids, rating)),
    'curation:note': async ({ id, note }) => changed('curation', await setNote(library, id, note)),
    'export:save': async ({ format, query }) => {
      const path = await dialogs.chooseExportPath(
        format,
        suggestedExportName(library, query, format),
      )
      if (!path) return null
      const { text, count } = renderExport(library, query, format)
      await writeFileAtomic(path, text)
      return { fileName: path.split(/[\\/]/).pop() ?? path, count }
    },
    'history:list': () => library.history.state(),
    'history:undo': async () => {
      const entry = await library.history.undo()
      if (entry) emit('library:changed', { reason: 'history' })
      return { entry, state: library.history.state() }
    },
    'history:redo': async () => {
      const entry = await library.history.redo()
      if (entry) emit('library:changed', { reason: 'history' })
      return { entry, state: library.history.state() }
    },
    'app:open-external': async ({ url }) => {
      if (!checkExternalUrl(url)) return { opened: false }
      await openExternal(url)
      return { opened: true }
    },
  }
}
