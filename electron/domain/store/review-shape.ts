import type { ReviewRecord } from '../../../shared/records/review'

// A hand-written twin of the ReviewRecord schema (shared/records/review.ts). Checking 100,000
// reviews with zod took about a quarter of a second of every open; this check does the same in a
// few milliseconds. It only ever says yes to a record zod accepts (a test compares the two on
// valid and mutated records); a record it refuses is handed to zod, whose message names the field.

// An array passes as an object here (zod refuses it), but then fails on the fields read from it.
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0

const isHelpful = (v: unknown): boolean =>
  v === null || (isObject(v) && isCount(v.yes) && isCount(v.total))

function isBylineList(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (const split of v as unknown[]) {
    if (!isObject(split) || typeof split.author !== 'string' || typeof split.date !== 'string')
      return false
  }
  return true
}

/** Whether `v` has ReviewRecord's shape (extra fields allowed, as zod allows them). */
export function isReviewRecord(v: unknown): v is ReviewRecord {
  if (!isObject(v)) return false
  const { id, rating, date } = v
  // NaN and the infinities fail the range comparisons, as zod refuses them.
  return (
    typeof id === 'string' &&
    id.length > 0 &&
    typeof v.workId === 'string' &&
    typeof v.importId === 'string' &&
    typeof v.importedAt === 'string' &&
    (rating === null || (typeof rating === 'number' && rating >= 0 && rating <= 10)) &&
    typeof v.title === 'string' &&
    typeof v.author === 'string' &&
    (date === null || typeof date === 'string') &&
    typeof v.bylineRaw === 'string' &&
    typeof v.bylineAmbiguous === 'boolean' &&
    isBylineList(v.bylineAlternatives) &&
    typeof v.spoiler === 'boolean' &&
    isHelpful(v.helpful) &&
    typeof v.body === 'string' &&
    typeof v.truncated === 'boolean'
  )
}
