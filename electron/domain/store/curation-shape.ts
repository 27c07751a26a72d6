import type { CurationRecord } from '../../../shared/records/curation'

// A hand-written twin of the CurationRecord schema (shared/records/curation.ts), as review-shape.ts
// is of ReviewRecord's: once every review is tagged, checking 100,000 curation items with zod took
// 110–180 ms of each open. It only ever says yes to an item zod accepts (a test compares the two
// on valid and mutated items); an item it refuses is handed to zod, whose message names the field.

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null

const isCount = (v: unknown): boolean => Number.isSafeInteger(v) && (v as number) >= 0

const isStringOrNull = (v: unknown): boolean => v === null || typeof v === 'string'

const isOptionalBoolean = (v: unknown): boolean => v === undefined || typeof v === 'boolean'

function isStringList(v: unknown): boolean {
  if (!Array.isArray(v)) return false
  for (const s of v as unknown[]) if (typeof s !== 'string') return false
  return true
}

function isHighlightList(v: unknown): boolean {
  if (v === undefined) return true
  if (!Array.isArray(v)) return false
  for (const h of v as unknown[]) {
    if (
      !isObject(h) ||
      typeof h.id !== 'string' ||
      !isCount(h.start) ||
      !isCount(h.end) ||
      typeof h.quote !== 'string' ||
      !isStringOrNull(h.tag) ||
      !isStringOrNull(h.comment) ||
      typeof h.createdAt !== 'string'
    )
      return false
  }
  return true
}

const isBylineCorrection = (v: unknown): boolean =>
  v === null ||
  v === undefined ||
  (isObject(v) && typeof v.author === 'string' && typeof v.date === 'string')

/** Whether `v` has CurationRecord's shape (extra fields allowed, as zod allows them). */
export function isCurationRecord(v: unknown): v is CurationRecord {
  if (!isObject(v) || Array.isArray(v)) return false
  const { myRating } = v
  return (
    isStringList(v.tags) &&
    isStringOrNull(v.note) &&
    (myRating === null ||
      (Number.isSafeInteger(myRating) &&
        (myRating as number) >= 1 &&
        (myRating as number) <= 10)) &&
    isOptionalBoolean(v.kept) &&
    isOptionalBoolean(v.reviewed) &&
    isHighlightList(v.highlights) &&
    isBylineCorrection(v.bylineCorrection) &&
    (v.updatedAt === undefined || typeof v.updatedAt === 'string')
  )
}

/** Whether `v` has CurationFileFrame's shape: an integer schema version and an object of items. */
export function isCurationFileFrame(v: unknown): boolean {
  if (!isObject(v)) return false
  const { items } = v
  return (
    Number.isSafeInteger(v.schemaVersion) &&
    isObject(items) &&
    Object.getPrototypeOf(items) === Object.prototype
  )
}
