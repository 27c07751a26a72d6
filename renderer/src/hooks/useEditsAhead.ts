import { useCallback } from 'react'
import type { TagSummary } from '../../../shared/contract'
import type { ReviewQuery } from '../../../shared/query'
import {
  toggledTag,
  withKept,
  withReviewed,
  withMyRating,
  withoutTag,
  withTag,
  type Anticipation,
} from '../data/anticipate'
import type { ReviewPages } from './useReviewPages'

/** A curation edit as the workspace gives it (bulk bar, keys). */
export type EditAhead =
  | { kind: 'tag' | 'untag' | 'toggle-tag'; tag: string }
  | { kind: 'rate'; rating: number | null }
  | { kind: 'keep'; kept: boolean }
  | { kind: 'reviewed'; reviewed: boolean }

type Target = { ids: string[] } | { query: ReviewQuery }

/** Call with whether main committed the edit (false re-reads the rows shown ahead of it). */
export type Settle = (committed: boolean) => void

/**
 * Shows an edit on the list's rows the moment it is given (see data/anticipate.ts) and returns
 * its Settle; main's event then confirms the rows. Tags are shown ahead only when known: main
 * names a new one.
 */
export function useEditsAhead(
  pages: ReviewPages,
  tags: readonly TagSummary[],
): (target: Target, edit: EditAhead) => Settle {
  return useCallback(
    (target, edit) => {
      const how = anticipation(edit, tags)
      if (!how) return () => undefined
      return pages.anticipate('ids' in target ? target.ids : 'all', how)
    },
    [pages, tags],
  )
}

/** Runs `request`, then settles the edit shown ahead of it with its outcome. */
export function settleWith<T>(settle: Settle, request: () => Promise<T>): () => Promise<T> {
  return () =>
    request().then(
      (value) => {
        settle(true)
        return value
      },
      (error: unknown) => {
        settle(false)
        throw error
      },
    )
}

function anticipation(edit: EditAhead, tags: readonly TagSummary[]): Anticipation | null {
  if (edit.kind === 'rate') return withMyRating(edit.rating)
  if (edit.kind === 'keep') return withKept(edit.kept)
  if (edit.kind === 'reviewed') return withReviewed(edit.reviewed)
  const wanted = edit.tag.trim().toLowerCase()
  const tag = tags.find((t) => t.name.toLowerCase() === wanted)?.name
  if (!tag) return null
  if (edit.kind === 'tag') return withTag(tag)
  return edit.kind === 'untag' ? withoutTag(tag) : toggledTag(tag)
}
