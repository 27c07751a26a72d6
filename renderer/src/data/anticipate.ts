import type { ReviewRow } from '../../../shared/contract'

// An edit is shown on the list's rows the moment it is given, before main has it on disk (a
// durable commit waits for the disk, which a busy machine makes slow). Main's `library:changed`
// then brings the rows as committed; a refused edit re-reads them. Only edits whose outcome the
// rows at hand settle are anticipated: the curation commands of electron/app/commands decide the
// same way.

export type RowUpdate = (row: ReviewRow) => ReviewRow

/**
 * How to show an edit on the target rows the list holds. `rows` are those held; `allHeld` says
 * whether they are every target. Null when the held rows cannot tell what main will do.
 */
export type Anticipation = (rows: readonly ReviewRow[], allHeld: boolean) => RowUpdate | null

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
const hasTag = (row: ReviewRow, tag: string) => row.tags.some((t) => same(t, tag))

export const withMyRating =
  (rating: number | null): Anticipation =>
  () =>
  (row) => ({ ...row, myRating: rating })

export const withKept =
  (kept: boolean): Anticipation =>
  () =>
  (row) => ({ ...row, kept })

export const withReviewed =
  (reviewed: boolean): Anticipation =>
  () =>
  (row) => ({ ...row, reviewed })

/** `tag` must be a known tag's own name: a new one is named by main (it normalises it). */
export const withTag =
  (tag: string): Anticipation =>
  () =>
  (row) =>
    hasTag(row, tag) ? row : { ...row, tags: [...row.tags, tag] }

export const withoutTag =
  (tag: string): Anticipation =>
  () =>
  (row) => ({ ...row, tags: row.tags.filter((t) => !same(t, tag)) })

/**
 * Toggling adds the tag unless every target has it (curation:toggle-tag): any held row without
 * it settles "add"; "remove" needs every target held.
 */
export const toggledTag =
  (tag: string): Anticipation =>
  (rows, allHeld) => {
    if (rows.some((row) => !hasTag(row, tag))) return withTag(tag)(rows, allHeld)
    return allHeld && rows.length > 0 ? withoutTag(tag)(rows, allHeld) : null
  }
