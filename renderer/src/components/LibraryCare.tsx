import { useState } from 'react'
import { useCuratorEvent } from '../hooks/useCuratorEvent'
import { CheckLibraryDialog } from './CheckLibraryDialog'

/**
 * What main tells about the library's safety outside any request (a backup that failed), and
 * Help → Check Library. Each notice stays until dismissed: it may need the user to free space.
 */
export function LibraryCare() {
  const [notices, setNotices] = useState<{ id: number; message: string }[]>([])
  const [checking, setChecking] = useState(false)
  useCuratorEvent('library:notice', ({ message }) =>
    setNotices((list) => [...list, { id: (list.at(-1)?.id ?? 0) + 1, message }]),
  )
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
          <button
            type="button"
            className="quiet"
            onClick={() => setNotices((list) => list.filter((n) => n.id !== id))}
          >
            Dismiss
          </button>
        </div>
      ))}
      {checking && <CheckLibraryDialog onClose={() => setChecking(false)} />}
    </>
  )
}
