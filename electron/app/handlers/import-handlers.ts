import type { EventName, Events, ImportProgress, PreviewSource } from '../../../shared/contract'
import { fragmentsAsText, readFragments } from '../../domain/import/fragments-file'
import { ImportCancelledError } from '../../domain/import/run-steps'
import {
  base64Source,
  pathSources,
  textSource,
  type ImportSource,
} from '../../domain/import/sources'
import type { Library } from '../../domain/library/library'
import type { Handlers } from '../dispatch'
import { undoImport } from '../import/apply-import'
import { commitPreview, createPreview, reparseFile } from '../import/preview'
import { PreviewStore } from '../import/preview-store'
import { importText } from '../import/run-import'

type ImportChannel =
  | 'import:sample'
  | 'import:preview'
  | 'import:reparse'
  | 'import:commit'
  | 'import:cancel'
  | 'import:undo'
  | 'import:fragments'

export interface ImportHandlerDeps {
  library: Library
  chooseImportFiles: () => Promise<string[]>
  sample: { fileName: string; content: string }
  emit: <E extends EventName>(event: E, payload: Events[E]) => void
  clock?: () => number
}

/** Progress events at most this often: a 200 MB parse must not flood the IPC pipe. */
const PROGRESS_EVERY_MS = 100

/** The sources a preview request names; null when the file dialog was cancelled. */
async function sourcesOf(
  source: PreviewSource,
  chooseImportFiles: () => Promise<string[]>,
): Promise<ImportSource[] | null> {
  if (source.kind === 'text') return [textSource(source.fileName, source.content)]
  if (source.kind === 'bytes') {
    return source.files.map(({ fileName, base64 }) => base64Source(fileName, base64))
  }
  const paths = await chooseImportFiles()
  return paths.length === 0 ? null : pathSources(paths)
}

/** The import channels: the quick paths, and preview → (reparse) → commit or cancel. */
export function createImportHandlers(deps: ImportHandlerDeps): Pick<Handlers, ImportChannel> {
  const { library, chooseImportFiles, sample, emit, clock = Date.now } = deps
  const store = new PreviewStore(clock)
  let running: AbortController | null = null

  /** Runs one long operation with throttled progress, ending the bar however it ends. */
  async function withProgress<T>(
    work: (
      progress: (p: Omit<ImportProgress, 'active'>) => void,
      signal: AbortSignal,
    ) => Promise<T>,
  ): Promise<T> {
    running?.abort()
    const controller = new AbortController()
    running = controller
    let last = 0
    let lastPhase = ''
    const progress = (p: Omit<ImportProgress, 'active'>) => {
      const now = clock()
      if (now - last < PROGRESS_EVERY_MS && p.phase === lastPhase) return
      last = now
      lastPhase = p.phase
      emit('import:progress', { active: true, ...p })
    }
    try {
      return await work(progress, controller.signal)
    } finally {
      if (running === controller) running = null
      emit('import:progress', { active: false, phase: 'writing', fileName: '', fraction: 1 })
    }
  }

  return {
    'import:sample': async () => importText(library, sample.fileName, sample.content),
    'import:preview': async ({ source, options }) => {
      const inputs = await sourcesOf(source, chooseImportFiles)
      if (!inputs) return null
      return withProgress((progress, signal) =>
        createPreview(
          library,
          store,
          inputs,
          options ?? {},
          (phase, fileName, fraction) => progress({ phase, fileName, fraction }),
          signal,
        ),
      )
    },
    'import:reparse': async ({ previewId, fileIndex, options }) => {
      const entry = store.get(previewId)
      return withProgress((progress, signal) =>
        reparseFile(library, entry, fileIndex, options, {
          signal,
          onProgress: ({ done, total }) =>
            progress({
              phase: 'parsing',
              fileName: entry.files[fileIndex]?.fileName ?? '',
              fraction: done / Math.max(total, 1),
            }),
        }),
      )
    },
    'import:commit': async ({ previewId }) => {
      const entry = store.get(previewId)
      const report = await withProgress(async (progress) => {
        progress({ phase: 'writing', fileName: entry.files[0]?.fileName ?? '', fraction: 1 })
        return commitPreview(library, entry)
      })
      store.delete(previewId)
      return report
    },
    'import:cancel': ({ previewId }) => {
      const wasRunning = running !== null
      running?.abort(new ImportCancelledError())
      running = null
      const dropped = previewId ? store.delete(previewId) : false
      return { cancelled: wasRunning || dropped }
    },
    'import:undo': async ({ importId }) => {
      return undoImport(library, importId)
    },
    'import:fragments': async ({ recordId }) => {
      const file = await readFragments(library.dir, recordId)
      return { fileName: file.fileName, text: fragmentsAsText(file), count: file.fragments.length }
    },
  }
}
