import { useEffect, useState } from 'react'
import { invoke } from '../api'
import { useCuratorEvent } from './useCuratorEvent'

export interface LibraryNotice {
  id: number
  message: string
}

/**
 * What main says about the library's safety outside any request: what opening it repaired or
 * set aside (read once, so it shows in the window rather than as modals before it) and what
 * happens later (a backup that failed). Each stays until dismissed.
 */
export function useLibraryNotices(): {
  notices: LibraryNotice[]
  dismiss: (id: number) => void
} {
  const [notices, setNotices] = useState<LibraryNotice[]>([])
  const add = (messages: string[]) =>
    setNotices((list) => {
      let id = list.at(-1)?.id ?? 0
      return [...list, ...messages.map((message) => ({ id: ++id, message }))]
    })
  useCuratorEvent('library:notice', ({ message }) => add([message]))
  useEffect(() => {
    let live = true
    invoke('library:opening-notices', {}).then(
      ({ notices: opening }) => live && opening.length > 0 && add(opening),
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [])
  return { notices, dismiss: (id) => setNotices((list) => list.filter((n) => n.id !== id)) }
}
