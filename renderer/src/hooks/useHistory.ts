import { useCallback, useEffect, useState } from 'react'
import type { HistoryState } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'
import { isTyping, undoKeySeenJustNow } from '../keys'

export interface HistoryControls {
  state: HistoryState
  undo: () => void
  redo: () => void
  /** What the last undo or redo did, for the status line. */
  last: string
  /** Edit → Undo/Redo: text editing in a field, the library's history elsewhere. */
  fromMenu: (kind: 'undo' | 'redo') => void
}

const EMPTY: HistoryState = { entries: [], canUndo: false, canRedo: false }

/** The session's undo history from main, re-read on every library change. */
export function useHistory(
  version: number,
  onChanged: () => void,
  onError: (message: string) => void,
): HistoryControls {
  const [state, setState] = useState<HistoryState>(EMPTY)
  const [last, setLast] = useState('')
  useEffect(() => {
    let live = true
    invoke('history:list', {})
      .then((value) => live && setState(value))
      .catch((error: unknown) => live && onError(errorMessage(error)))
    return () => {
      live = false
    }
  }, [version, onError])

  const step = useCallback(
    (channel: 'history:undo' | 'history:redo') => {
      invoke(channel, {})
        .then(({ entry, state: next }) => {
          setState(next)
          if (entry) {
            setLast(`${channel === 'history:undo' ? 'Undid' : 'Redid'}: ${entry.label}`)
            onChanged()
          }
        })
        .catch((error: unknown) => onError(errorMessage(error)))
    },
    [onChanged, onError],
  )
  const fromMenu = useCallback(
    (kind: 'undo' | 'redo') => {
      if (undoKeySeenJustNow()) return
      if (isTyping(document.activeElement)) {
        // The field's own undo, as the standard Edit menu would do it.
        document.execCommand(kind)
        return
      }
      step(kind === 'undo' ? 'history:undo' : 'history:redo')
    },
    [step],
  )
  return {
    state,
    last,
    fromMenu,
    undo: useCallback(() => step('history:undo'), [step]),
    redo: useCallback(() => step('history:redo'), [step]),
  }
}
