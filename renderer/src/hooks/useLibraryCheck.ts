import { useCallback, useEffect, useState } from 'react'
import type { LibraryCheck } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'

/** Runs Check Library once when mounted (and again on `rerun`); main repairs what it can. */
export function useLibraryCheck(): {
  check: LibraryCheck | null
  running: boolean
  error: string | null
  rerun: () => void
} {
  const [check, setCheck] = useState<LibraryCheck | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [round, setRound] = useState(0)
  useEffect(() => {
    let live = true
    setCheck(null)
    setError(null)
    invoke('library:check', {}).then(
      (result) => live && setCheck(result),
      (e: unknown) => live && setError(errorMessage(e)),
    )
    return () => {
      live = false
    }
  }, [round])
  const rerun = useCallback(() => setRound((r) => r + 1), [])
  return { check, running: check === null && error === null, error, rerun }
}
