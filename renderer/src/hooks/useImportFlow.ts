import { useCallback, useRef, useState } from 'react'
import type {
  FilePreview,
  ImportPreview,
  ImportProgress,
  ImportReport,
} from '../../../shared/contract'
import { MAX_IMPORT_BYTES } from '../../../shared/channels/import'
import type { ParseOptions } from '../../../shared/domain'
import { errorMessage, invoke } from '../api'
import { formatBytes, isConfidentFormat } from '../format-labels'
import { useBusyRunner } from './useBusyRunner'
import { useCuratorEvent } from './useCuratorEvent'

export type ImportStage =
  | { kind: 'idle' }
  | { kind: 'paste' }
  | { kind: 'preview'; preview: ImportPreview; reparsing: number | null }
  | { kind: 'report'; report: ImportReport; undone: boolean; message: string | null }

interface Callbacks {
  onError: (message: string | null) => void
}

export interface ImportFlow {
  stage: ImportStage
  busy: boolean
  progress: ImportProgress | null
  chooseAndImport: () => void
  /** Files the OS opened the app with (main holds them): always shown as a preview first. */
  previewOpened: () => void
  /** Imports the sample without opening its report: a newcomer gets the library, not warnings. */
  importSample: () => void
  /** The report of the import that opened without its dialog (the sample), until another. */
  quietReport: ImportReport | null
  showQuietReport: () => void
  importFiles: (files: File[]) => void
  openPaste: () => void
  previewText: (text: string, fileName?: string) => void
  reparse: (fileIndex: number, options: ParseOptions) => void
  commit: () => void
  cancel: () => void
  undo: () => void
  copyFragments: (recordId: string) => void
  close: () => void
}

/** Dropped files go to main as bytes, so their encoding is detected like a chosen file's. */
function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''))
    reader.onerror = () => reject(new Error(`${file.name} could not be read`))
    reader.readAsDataURL(file)
  })
}

const usable = (f: FilePreview) => f.error === null
/** Recognised pages go straight to the report; anything uncertain stops at the preview. */
const needsReview = (p: ImportPreview) =>
  p.files.some((f) => !usable(f) || f.generic || !isConfidentFormat(f.format))

/** Every way reviews come in: dialog, drop, paste, sample; preview, commit, cancel and undo. */
export function useImportFlow({ onError }: Callbacks): ImportFlow {
  const [stage, setStage] = useState<ImportStage>({ kind: 'idle' })
  const { busy, run: runBusy } = useBusyRunner(onError, { clearFirst: true })
  const [progress, setProgress] = useState<ImportProgress | null>(null)
  const previewId = useRef<string | null>(null)
  const [quietReport, setQuietReport] = useState<ImportReport | null>(null)

  useCuratorEvent('import:progress', (p) => setProgress(p.active ? p : null))

  // The new reviews reach the list through library:changed, sent once the import is written.
  const showReport = useCallback((report: ImportReport) => {
    previewId.current = null
    setQuietReport(null)
    setStage({ kind: 'report', report, undone: false, message: null })
  }, [])

  // Whatever ends a step, its progress bar goes.
  const run = useCallback(
    (work: () => Promise<void>) => runBusy(() => work().finally(() => setProgress(null))),
    [runBusy],
  )

  /** Shows a preview, or imports at once when `quick` and every file was read with confidence. */
  const handlePreview = useCallback(
    async (preview: ImportPreview | null, quick: boolean) => {
      if (!preview) return
      previewId.current = preview.previewId
      // A chosen or dropped file that nothing can read: say why, show no preview. Pasted text
      // always gets its preview, where the user can pick the format by hand.
      if (quick && preview.files.every((f) => !usable(f) && f.columns === null)) {
        await invoke('import:cancel', { previewId: preview.previewId })
        previewId.current = null
        setStage({ kind: 'idle' })
        throw new Error(preview.files.map((f) => f.error).join('\n'))
      }
      if (quick && !needsReview(preview)) {
        showReport(await invoke('import:commit', { previewId: preview.previewId }))
        return
      }
      setStage({ kind: 'preview', preview, reparsing: null })
    },
    [showReport],
  )

  const chooseAndImport = useCallback(
    () =>
      run(async () =>
        handlePreview(await invoke('import:preview', { source: { kind: 'files' } }), true),
      ),
    [run, handlePreview],
  )

  const previewOpened = useCallback(
    () =>
      void run(async () =>
        handlePreview(await invoke('import:preview', { source: { kind: 'files' } }), false),
      ),
    [run, handlePreview],
  )

  const importFiles = useCallback(
    (files: File[]) =>
      run(async () => {
        const tooBig = files.filter((f) => f.size > MAX_IMPORT_BYTES)
        if (tooBig.length > 0) {
          throw new Error(
            tooBig
              .map(
                (f) =>
                  `${f.name} is ${formatBytes(f.size)}, more than the ${formatBytes(MAX_IMPORT_BYTES)} Review Curator imports at once: split it into smaller files and import those`,
              )
              .join('\n'),
          )
        }
        const encoded = await Promise.all(
          files.map(async (f) => ({ fileName: f.name, base64: await readBase64(f) })),
        )
        const source = { kind: 'bytes' as const, files: encoded }
        await handlePreview(await invoke('import:preview', { source }), true)
      }),
    [run, handlePreview],
  )

  const previewText = useCallback(
    (content: string, fileName = 'Pasted text') =>
      run(async () => {
        // The paste box closes first: while the text is read, the progress strip (and its
        // Cancel) must not sit behind a modal dialog.
        setStage({ kind: 'idle' })
        const source = { kind: 'text' as const, fileName, content }
        await handlePreview(await invoke('import:preview', { source }), false)
      }),
    [run, handlePreview],
  )

  const reparse = useCallback(
    (fileIndex: number, options: ParseOptions) => {
      const id = previewId.current
      if (!id || stage.kind !== 'preview') return
      setStage({ ...stage, reparsing: fileIndex })
      run(async () => {
        try {
          const file = await invoke('import:reparse', { previewId: id, fileIndex, options })
          setStage((s) =>
            s.kind === 'preview'
              ? {
                  kind: 'preview',
                  reparsing: null,
                  preview: {
                    ...s.preview,
                    files: s.preview.files.map((f, i) => (i === fileIndex ? file : f)),
                  },
                }
              : s,
          )
        } finally {
          setStage((s) => (s.kind === 'preview' ? { ...s, reparsing: null } : s))
        }
      })
    },
    [run, stage],
  )

  const commit = useCallback(() => {
    const id = previewId.current
    if (!id) return
    run(async () => showReport(await invoke('import:commit', { previewId: id })))
  }, [run, showReport])

  const cancel = useCallback(() => {
    const id = previewId.current
    previewId.current = null
    setStage((s) => (s.kind === 'preview' || s.kind === 'paste' ? { kind: 'idle' } : s))
    void invoke('import:cancel', id ? { previewId: id } : {}).catch(() => undefined)
  }, [])

  const undo = useCallback(() => {
    if (stage.kind !== 'report' || stage.undone) return
    const { report } = stage
    run(async () => {
      try {
        const result = await invoke('import:undo', { importId: report.importId })
        const how = result.via === 'history' ? ' (Redo brings it back)' : ''
        setStage({ kind: 'report', report, undone: true, message: `Import undone${how}.` })
      } catch (error) {
        setStage({ kind: 'report', report, undone: false, message: errorMessage(error) })
      }
    })
  }, [run, stage])

  const copyFragments = useCallback(
    (recordId: string) => {
      if (stage.kind !== 'report') return
      const { report, undone } = stage
      run(async () => {
        const { text, count } = await invoke('import:fragments', { recordId })
        await navigator.clipboard.writeText(text)
        setStage({ kind: 'report', report, undone, message: `Copied ${count} fragments.` })
      })
    },
    [run, stage],
  )

  return {
    stage,
    busy,
    progress,
    chooseAndImport,
    previewOpened,
    importSample: useCallback(
      () => run(async () => setQuietReport(await invoke('import:sample', {}))),
      [run],
    ),
    quietReport,
    // Not through showReport: the link stays for as long as this is the last import.
    showQuietReport: useCallback(() => {
      if (quietReport)
        setStage({ kind: 'report', report: quietReport, undone: false, message: null })
    }, [quietReport]),
    importFiles,
    openPaste: useCallback(() => setStage({ kind: 'paste' }), []),
    previewText,
    reparse,
    commit,
    cancel,
    undo,
    copyFragments,
    close: useCallback(() => setStage({ kind: 'idle' }), []),
  }
}
