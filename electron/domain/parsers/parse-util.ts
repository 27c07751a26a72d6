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
