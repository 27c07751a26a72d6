import { createContext, useContext } from 'react'
import type { ReviewQuery } from '../../../shared/query'

/** What "Export…" was asked from: hand-picked reviews, or every review a query matches. */
export type ExportSelection = { ids: string[] } | { query: ReviewQuery } | null

/**
 * Opens the Export… dialog from anywhere below App (the toolbar, the selection bar), optionally
 * with the current selection: `useOpenExport()(selection.target(null))`.
 */
export const OpenExportContext = createContext<(selection?: ExportSelection) => void>(() => {})

export function useOpenExport(): (selection?: ExportSelection) => void {
  return useContext(OpenExportContext)
}
