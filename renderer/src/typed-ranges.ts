import { parseQuery } from '../../shared/query-language'

export type IntRange = { min?: number; max?: number }

/**
 * The rating range a typed query sets (`rating:10`, `mine:>=7`), so the filter bar's dropdowns
 * show it instead of "Any". Only a single, plain clause counts: a negated or repeated one is not
 * a range the two dropdowns can show.
 */
export function typedRange(text: string, kind: 'rating' | 'mine'): IntRange | null {
  const parsed = parseQuery(text.trim())
  if (!parsed.ok) return null
  const clauses = parsed.clauses.filter((c) => c.kind === kind)
  const only = clauses[0]
  if (clauses.length !== 1 || !only || only.kind !== kind || only.negate) return null
  const { min, max, minOpen, maxOpen } = only.range
  // Ratings are whole numbers: >8 is 9 and up.
  return {
    min: min === undefined ? undefined : minOpen ? Math.floor(min) + 1 : Math.ceil(min),
    max: max === undefined ? undefined : maxOpen ? Math.ceil(max) - 1 : Math.floor(max),
  }
}
