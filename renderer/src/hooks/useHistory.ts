import { useCallback, useState } from 'react'
import type { HistoryState } from '../../../shared/contract'
import { errorMessage } from '../api'
import { historyActions } from '../data/curation-actions'
import { isTyping, undoKeySeenJustNow } from '../keys'
import { useLibrary } from './useLibrary'

export interface HistoryControls {
  state: HistoryState
  undo: () => void
  redo: () => void
  /** What the last undo or redo did, for the status line. */
  last: string
  /** Edit → Undo/Redo: text editing in a field, the library's history elsewhere. */
  fromMenu: (kind: 'undo' | 'redo') => void
}

/** The session's undo history (LibraryProvider re-reads it after every commit) and its steps. */
export function useHistory(
  onError: (message: string) => void,
  /** The status line: an undo replaces whatever the undone command had said there. */
  onStatus?: (message: string) => void,
): HistoryControls {
  const { history: state } = useLibrary()
  const [last, setLast] = useState('')

  const step = useCallback(
    (kind: 'undo' | 'redo') => {
      historyActions[kind]()
        .then(({ entry }) => {
          const message = entry
            ? `${kind === 'undo' ? 'Undid' : 'Redid'}: ${entry.label}`
            : `Nothing to ${kind}`
          setLast(message)
          onStatus?.(message)
        })
        .catch((error: unknown) => onError(errorMessage(error)))
    },
    [onError, onStatus],
  )
  const fromMenu = useCallback(
    (kind: 'undo' | 'redo') => {
      if (undoKeySeenJustNow()) return
      if (isTyping(document.activeElement)) {
        // The field's own undo, as the standard Edit menu would do it.
        document.execCommand(kind)
        return
      }
      step(kind)
    },
    [step],
  )
  return {
    state,
    last,
    fromMenu,
    undo: useCallback(() => step('undo'), [step]),
    redo: useCallback(() => step('redo'), [step]),
  }
}
