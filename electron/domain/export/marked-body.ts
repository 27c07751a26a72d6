import { anchorQuote, type Anchor } from '../../../shared/highlight-anchor'
import type { Highlight } from '../../../shared/domain'
import { escapeHtml } from './html-escape'

/** Where the highlights sit in the body now (re-anchored), sorted, overlaps merged. */
export function highlightRanges(body: string, highlights: readonly Highlight[]): Anchor[] {
  const found = highlights
    .map((h) => anchorQuote(body, h.quote, h.start, h.end))
    .filter((a): a is Anchor => a !== null && a.end > a.start)
    .sort((a, b) => a.start - b.start)
  const merged: Anchor[] = []
  for (const a of found) {
    const last = merged.at(-1)
    if (last && a.start <= last.end) last.end = Math.max(last.end, a.end)
    else merged.push({ ...a })
  }
  return merged
}

/** One paragraph's text with the parts inside `ranges` (body offsets) wrapped in <mark>. */
function markedText(body: string, from: number, to: number, ranges: readonly Anchor[]): string {
  let out = ''
  let at = from
  for (const r of ranges) {
    const start = Math.max(r.start, from)
    const end = Math.min(r.end, to)
    if (end <= start) continue
    out += escapeHtml(body.slice(at, start))
    out += `<mark>${escapeHtml(body.slice(start, end))}</mark>`
    at = end
  }
  return (out + escapeHtml(body.slice(at, to))).replace(/\r?\n/g, '<br>')
}

/**
 * The review text as <p> paragraphs (blank-line separated) with the highlighted passages marked.
 * A passage that spans paragraphs is marked in each, so the markup always nests.
 */
export function markedParagraphs(body: string, ranges: readonly Anchor[]): string {
  const out: string[] = []
  const breaks = /(?:\r?\n[ \t]*){2,}/g
  let start = 0
  const push = (end: number) => {
    if (body.slice(start, end).trim()) out.push(`<p>${markedText(body, start, end, ranges)}</p>`)
  }
  for (const m of body.matchAll(breaks)) {
    push(m.index)
    start = m.index + m[0].length
  }
  push(body.length)
  return out.join('\n')
}
