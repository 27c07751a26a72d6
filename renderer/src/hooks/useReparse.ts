import { useCallback, useState } from 'react'
import type { ReparseDiff } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'

export interface ReparseControls {
  /** Null while closed; `diff` is null while the kept sources are being read. */
  state: { diff: ReparseDiff | null; busy: boolean; error: string | null } | null
  open: () => void
  accept: () => void
  close: () => void
}

/**
 * File → Re-parse Imports…: reads the diff (nothing written), then applies it on Accept. The
 * library re-reads itself from the change event the apply sends, like after any commit.
 */
export function useReparse(onDone: (message: string) => void): ReparseControls {
  const [state, setState] = useState<ReparseControls['state']>(null)
  const open = useCallback(() => {
    setState({ diff: null, busy: true, error: null })
    invoke('library:reparse-preview', {}).then(
      (diff) => setState({ diff, busy: false, error: null }),
      (error: unknown) => setState({ diff: null, busy: false, error: errorMessage(error) }),
    )
  }, [])
  const accept = useCallback(() => {
    setState((s) => s && { ...s, busy: true })
    invoke('library:reparse-apply', {}).then(
      (diff) => {
        setState(null)
        onDone(
          diff.applied
            ? `${diff.applied}: ${diff.added} added, ${diff.removed} removed, ${diff.changed} changed`
            : 'Re-parse: nothing to change',
        )
      },
      (error: unknown) => setState((s) => s && { ...s, busy: false, error: errorMessage(error) }),
    )
  }, [onDone])
  const close = useCallback(() => setState(null), [])
  return { state, open, accept, close }
}
