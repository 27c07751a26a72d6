// The contest between the family grammars and the established layout parsers on one text page.
import type { Detection, FormatId, ImportWarning, ParseResult } from '../../../../shared/domain'
import { FORMAT_LABELS } from '../../../../shared/formats'
import { BadInputError } from '../../errors'
import { linesOf } from '../lines/classify-line'
import { previewOf, runSteps, type ParseSteps } from '../parse-util'
import { familyCandidates, FAMILIES, rank, type Candidate } from './choose-family'

/** Pages beyond this are judged on their first 256 KB: families show themselves early, and the contest runs without yielding. */
const SAMPLE_CHARS = 256_000

const TEXT_LAYOUTS: readonly FormatId[] = [
  'imdb-title-reviews-text',
  'imdb-title-reviews-mobile-text',
  'imdb-user-reviews-text',
  'imdb-single-review-text',
  'imdb-legacy-text',
  'generic-text',
]

export function isTextLayout(format: FormatId): boolean {
  return TEXT_LAYOUTS.includes(format)
}

/** The id the established parsers carry in the contest. */
const LAYOUT_FAMILY = 'imdb-layouts'

export interface ContestResult {
  detection: Detection
  /** The winning family's result, or null when the layout parsers won (they run in steps). */
  winner: ParseResult | null
  layout: FormatId
}

/**
 * Every family reads the page (its first 256 KB), and so do the layout parsers when the old
 * detection named a layout; the best reading wins. Null when nothing read a single review.
 */
export function readingContest(
  text: string,
  layout: FormatId | null,
  forced: FormatId | null,
  readLayout: (format: FormatId, text: string) => ParseSteps,
): ContestResult | null {
  const sampled = text.length > SAMPLE_CHARS
  const sample = sampled ? text.slice(0, Math.max(0, text.lastIndexOf('\n', SAMPLE_CHARS))) : text
  const candidates: Candidate[] = familyCandidates(linesOf(sample), forced)
  if (layout !== null) {
    const result = layoutReading(() => readLayout(layout, sample))
    if (result !== null) {
      const family = layout === 'generic-text' ? 'generic-lines' : LAYOUT_FAMILY
      const label = FORMAT_LABELS[layout]
      candidates.push({ family, label, generic: layout === 'generic-text', result })
    }
  }
  const ranking = rank(candidates, sample)
  const best = ranking?.ranked[0]
  if (ranking === null || best === undefined) return null
  const { detection } = ranking
  if (best.family === LAYOUT_FAMILY || best.family === 'generic-lines') {
    if (!sampled) {
      const warnings = withNote(best.result.warnings, detection)
      return {
        detection,
        winner: { ...best.result, warnings, detection },
        layout: best.result.format,
      }
    }
    return { detection, winner: null, layout: best.result.format }
  }
  const family = FAMILIES.find((f) => f.id === best.family)
  const full =
    sampled && family !== undefined
      ? familyCandidates(linesOf(text), forced).find((c) => c.family === best.family)
      : best
  const result = (full ?? best).result
  const note = detectionNote(detection)
  const unread = result.fragments.map((f) => ({
    line: f.line,
    code: 'unparsed-fragment',
    message: `Text from line ${f.line} is not part of any review: "${previewOf(f.text)}"`,
  }))
  const notes = best.generic ? [GENERIC_NOTE, note] : [note]
  const warnings = [...notes, ...result.warnings, ...unread]
  return { detection, winner: { ...result, warnings, detection }, layout: result.format }
}

/** The detection note goes first, after the generic parser's own caution when there is one. */
export function withNote(warnings: ImportWarning[], detection: Detection): ImportWarning[] {
  const note = detectionNote(detection)
  const [first, ...rest] = warnings
  if (first?.code === 'generic-parser') return [first, note, ...rest]
  return [note, ...warnings]
}

/** The report's line naming the family and how sure detection was. */
export function detectionNote(detection: Detection): ImportWarning {
  const next = detection.runnerUp === null ? '' : `; next best: ${detection.runnerUp}`
  return {
    line: 1,
    code: 'detected-family',
    message: `Read as ${detection.label} (confidence ${detection.confidence.toFixed(2)}${next})`,
  }
}

const GENERIC_NOTE = {
  line: 1,
  code: 'generic-parser',
  message:
    'Not a layout this app knows: reviews were found by the line shape that repeats on the page (generic parser). Check authors, titles and ratings before importing',
}

function layoutReading(read: () => ParseSteps): ParseResult | null {
  try {
    return runSteps(read())
  } catch (error) {
    if (error instanceof BadInputError) return null
    throw error
  }
}
