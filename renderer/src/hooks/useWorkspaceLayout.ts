import { useCallback, useEffect, useRef, useState } from 'react'
import { DEFAULT_LAYOUT, type WorkspaceLayout } from '../../../shared/channels/layout'
import { errorMessage, invoke } from '../api'

export interface LayoutControls {
  layout: WorkspaceLayout
  /** Applies at once and remembers it for this library. */
  change: (update: (layout: WorkspaceLayout) => WorkspaceLayout) => void
}

/**
 * The library's pane and column layout. Read once when the workspace opens; each change is
 * written as it is made (a drag writes once, when it ends), newest last, so a slow write never
 * overwrites a newer layout.
 */
export function useWorkspaceLayout(onError: (message: string) => void): LayoutControls {
  const [layout, setLayout] = useState<WorkspaceLayout>(DEFAULT_LAYOUT)
  // The layout as last changed, so quick successive changes build on each other.
  const latest = useRef<WorkspaceLayout>(DEFAULT_LAYOUT)
  const touched = useRef(false)
  const saving = useRef<Promise<unknown>>(Promise.resolve())
  const latestError = useRef(onError)
  useEffect(() => {
    latestError.current = onError
  })

  useEffect(() => {
    let live = true
    invoke('layout:get', {})
      .then((stored) => {
        // A change made before the answer came is newer than what was stored.
        if (!live || touched.current) return
        latest.current = stored
        setLayout(stored)
      })
      .catch((e: unknown) => latestError.current(errorMessage(e)))
    return () => {
      live = false
    }
  }, [])

  const change = useCallback((update: (layout: WorkspaceLayout) => WorkspaceLayout) => {
    touched.current = true
    const next = update(latest.current)
    if (next === latest.current) return
    latest.current = next
    setLayout(next)
    saving.current = saving.current
      .then(() => invoke('layout:set', next))
      .catch((e: unknown) =>
        latestError.current(`Could not remember the layout: ${errorMessage(e)}`),
      )
  }, [])

  return { layout, change }
}
