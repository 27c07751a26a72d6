import type { Detection, FormatId } from '../../../shared/domain'
import { detectFormat as detectLayout } from './detect-format'
import { isTextLayout, readingContest } from './families/reading-contest'
import { stepsFor } from './parse-dump'

/**
 * Names the format of a decoded dump, or null when nothing in it reads as reviews. Structured
 * formats (HTML, JSON, CSV) by their look; text pages by the contest between every family.
 */
export function detectFormat(text: string, fileName = ''): FormatId | null {
  return detectWithFamily(text, fileName)?.format ?? null
}

/** The format with the family that won the contest on text pages (and how sure it was). */
export function detectWithFamily(
  text: string,
  fileName = '',
): { format: FormatId; detection: Detection | null } | null {
  const layout = detectLayout(text, fileName)
  if (layout !== null && !isTextLayout(layout)) return { format: layout, detection: null }
  const contest = readingContest(text, layout, null, (format, sample) =>
    stepsFor(format, sample, fileName, {}),
  )
  if (contest === null) return null
  return { format: contest.layout, detection: contest.detection }
}
