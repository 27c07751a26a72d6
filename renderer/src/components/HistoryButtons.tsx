import type { HistoryControls } from '../hooks/useHistory'
import { MOD } from '../keys'

/** Undo and redo in the toolbar; the labels name the change they would undo or redo. */
export function HistoryButtons({ history }: { history: HistoryControls }) {
  const { entries, canUndo, canRedo } = history.state
  const nextUndo = entries.find((e) => !e.undone)
  const nextRedo = [...entries].reverse().find((e) => e.undone)
  return (
    <div className="history-buttons" role="group" aria-label="Undo and redo">
      <button
        type="button"
        disabled={!canUndo}
        onClick={history.undo}
        title={`Undo${nextUndo ? `: ${nextUndo.label}` : ''} (${MOD}+Z)`}
        aria-keyshortcuts="Control+Z Meta+Z"
      >
        Undo
      </button>
      <button
        type="button"
        disabled={!canRedo}
        onClick={history.redo}
        title={`Redo${nextRedo ? `: ${nextRedo.label}` : ''} (Shift+${MOD}+Z)`}
        aria-keyshortcuts="Control+Shift+Z Meta+Shift+Z Control+Y"
      >
        Redo
      </button>
    </div>
  )
}
