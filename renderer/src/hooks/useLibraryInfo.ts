import { useEffect, useState } from 'react'
import type { LibraryInfo } from '../../../shared/contract'
import { errorMessage, invoke } from '../api'

/** Re-reads the library summary whenever `version` changes (imports, curation, events). */
export function useLibraryInfo(
  version: number,
  onError: (message: string) => void,
): LibraryInfo | null {
  const [info, setInfo] = useState<LibraryInfo | null>(null)
  useEffect(() => {
    let live = true
    invoke('library:info', {})
      .then((value) => {
        if (live) setInfo(value)
      })
      .catch((error: unknown) => {
        if (live) onError(errorMessage(error))
      })
    return () => {
      live = false
    }
  }, [version, onError])
  return info
}
