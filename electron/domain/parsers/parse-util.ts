import type { ParseResult } from '../../../shared/domain'

export interface ParseProgress {
  /** Lines (or records) read so far. */
  done: number
  total: number
}

export type ParseSteps = Generator<ParseProgress, ParseResult, void>

/** Lines or records between progress reports: small enough to keep a time slice short. */
export const PROGRESS_EVERY = 2000

/** Runs a step-wise parse to the end. */
export function runSteps<T>(steps: Generator<ParseProgress, T, void>): T {
  for (;;) {
    const next = steps.next()
    if (next.done === true) return next.value
  }
}

/** Characters split into lines per step: a few milliseconds of work. */
const SPLIT_CHARS = 1024 * 1024

/**
 * text.split(/\r\n?|\n/) in steps of about a megabyte (each piece ends just after an LF, so no
 * line break is cut in two): splitting a 200 MB dump at once blocks for most of a second.
 */
export function* splitLinesSteps(
  text: string,
  pieceChars = SPLIT_CHARS,
): Generator<ParseProgress, string[], void> {
  const lines: string[] = []
  let start = 0
  for (;;) {
    const cut = text.indexOf('\n', start + pieceChars)
    if (cut === -1) break
    const piece = text.slice(start, cut + 1).split(/\r\n?|\n/)
    // The piece ends with its LF, so its last element is the empty start of the next piece.
    piece.pop()
    for (const line of piece) lines.push(line)
    start = cut + 1
    yield { done: 0, total: 1 }
  }
  for (const line of text.slice(start).split(/\r\n?|\n/)) lines.push(line)
  return lines
}

/**
 * Paragraphs joined by exactly one blank line, no blank lines at either end, and the indentation
 * all lines share removed (mobile copies indent every body line).
 */
export function joinBody(lines: string[]): string {
  const out: string[] = []
  for (const line of lines) {
    if (line.trim() !== '' || (out.length > 0 && out.at(-1) !== '')) {
      out.push(line.trim() === '' ? '' : line)
    }
  }
  while (out.at(-1) === '') out.pop()
  return dedent(out).join('\n')
}

function dedent(lines: string[]): string[] {
  let common: string | null = null
  for (const line of lines) {
    if (line === '') continue
    const indent = /^[ \t]*/.exec(line)?.[0] ?? ''
    if (common === null || indent.length < common.length) common = indent
    if (common === '') return lines
  }
  const cut = common?.length ?? 0
  return cut === 0 ? lines : lines.map((line) => line.slice(cut))
}

export function previewOf(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat
}
