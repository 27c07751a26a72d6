import { useState } from 'react'
import { useCuratorEvent } from '../hooks/useCuratorEvent'
import { useLibraryNotices } from '../hooks/useLibraryNotices'
import { CheckLibraryDialog } from './CheckLibraryDialog'

/**
 * The library's notices (see useLibraryNotices), each until dismissed since it may need the user
 * to free space or look at a file set aside, and Help → Check Library.
 */
export function LibraryCare() {
  const { notices, dismiss } = useLibraryNotices()
  const [checking, setChecking] = useState(false)
  useCuratorEvent('menu:command', ({ command }) => {
    if (command === 'check-library') setChecking(true)
  })
  return (
    <>
      {notices.map(({ id, message }) => (
        <div key={id} className="error-alert library-notice" role="alert">
          <div className="error-text">
            <p>{message}</p>
          </div>
          <button type="button" className="quiet" onClick={() => dismiss(id)}>
            Dismiss
          </button>
        </div>
      ))}
      {checking && <CheckLibraryDialog onClose={() => setChecking(false)} />}
    </>
  )
}
