import type { ImportFlow } from '../hooks/useImportFlow'
import { ImportPreviewDialog } from './ImportPreviewDialog'
import { ImportProgressBar } from './ImportProgressBar'
import { ImportReportDialog } from './ImportReportDialog'
import { PasteDialog } from './PasteDialog'

/** Whatever the import flow needs on screen now: paste box, preview, progress or report. */
export function ImportFlowDialogs({ flow }: { flow: ImportFlow }) {
  const { stage } = flow
  return (
    <>
      {flow.progress && stage.kind !== 'preview' && (
        <ImportProgressBar progress={flow.progress} onCancel={flow.cancel} />
      )}
      {stage.kind === 'paste' && (
        <PasteDialog onPreview={(text) => flow.previewText(text)} onClose={flow.cancel} />
      )}
      {stage.kind === 'preview' && (
        <ImportPreviewDialog
          preview={stage.preview}
          busy={flow.busy}
          progress={flow.progress}
          onOptions={flow.reparse}
          onCommit={flow.commit}
          onCancel={flow.cancel}
        />
      )}
      {stage.kind === 'report' && (
        <ImportReportDialog
          report={stage.report}
          message={stage.message}
          onClose={flow.close}
          onUndo={stage.undone ? undefined : flow.undo}
          onCopyFragments={flow.copyFragments}
        />
      )}
    </>
  )
}
