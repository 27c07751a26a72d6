// Maps between a review body's UTF-16 offsets and what the reader renders: paragraphs (split at
// blank lines, as IMDb separates them) that may contain <mark>s for highlights.

export interface Paragraph {
  start: number
  end: number
}

export function paragraphsOf(body: string): Paragraph[] {
  const out: Paragraph[] = []
  const gap = /\n\s*\n/g
  let start = 0
  for (let m = gap.exec(body); m; m = gap.exec(body)) {
    if (body.slice(start, m.index).trim() !== '') out.push({ start, end: m.index })
    start = m.index + m[0].length
  }
  if (body.slice(start).trim() !== '') out.push({ start, end: body.length })
  return out
}

export interface Span {
  start: number
  end: number
  /** Highlight ids covering this span; empty for plain text. */
  marks: string[]
}

/** Cuts a paragraph at every highlight boundary so overlapping highlights render as nested marks. */
export function spansOf(
  p: Paragraph,
  ranges: { id: string; start: number; end: number }[],
): Span[] {
  const cuts = new Set([p.start, p.end])
  for (const r of ranges) {
    if (r.end <= p.start || r.start >= p.end) continue
    cuts.add(Math.max(r.start, p.start))
    cuts.add(Math.min(r.end, p.end))
  }
  const points = [...cuts].sort((a, b) => a - b)
  const spans: Span[] = []
  for (let i = 0; i < points.length - 1; i++) {
    const start = points[i]!
    const end = points[i + 1]!
    const marks = ranges.filter((r) => r.start <= start && r.end >= end).map((r) => r.id)
    spans.push({ start, end, marks })
  }
  return spans
}

function offsetIn(root: HTMLElement, node: Node, offset: number): number | null {
  const block = (node instanceof HTMLElement ? node : node.parentElement)?.closest<HTMLElement>(
    '[data-offset]',
  )
  if (!block || !root.contains(block)) return null
  let total = Number(block.dataset.offset)
  if (node.nodeType !== Node.TEXT_NODE) {
    // A boundary between child nodes: count the text of the children before it.
    const children = [...node.childNodes].slice(0, offset)
    return total + children.reduce((n, c) => n + (c.textContent?.length ?? 0), 0)
  }
  const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT)
  for (let t = walker.nextNode(); t; t = walker.nextNode()) {
    if (t === node) return total + offset
    total += t.textContent?.length ?? 0
  }
  return null
}

/** The body offsets of the user's current text selection inside `root`, if it lies there. */
export function selectionOffsets(root: HTMLElement): Paragraph | null {
  const selection = window.getSelection()
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null
  const range = selection.getRangeAt(0)
  const start = offsetIn(root, range.startContainer, range.startOffset)
  const end = offsetIn(root, range.endContainer, range.endOffset)
  if (start === null || end === null || end <= start) return null
  return { start, end }
}
