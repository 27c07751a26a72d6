import { createHash } from 'node:crypto'
import type { WorkRef } from '../../../shared/domain'

// Ids come from the source's own fields, never from import order, so the same review imported
// again (from a newer copy, or pasted into another dump) lands on the same id and its curation.

const digest = (text: string, length: number): string =>
  createHash('sha256').update(text).digest('hex').slice(0, length)

const normalise = (text: string): string =>
  text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()

export function workId(work: WorkRef): string {
  return `wk_${digest(`${normalise(work.title)}\n${work.year ?? ''}`, 12)}`
}

/** The byline holds the author and the posting date, which never change for a review. */
export function reviewId(workIdValue: string, bylineRaw: string, title: string): string {
  return `rv_${digest(`${workIdValue}\n${normalise(bylineRaw)}\n${normalise(title)}`, 16)}`
}
