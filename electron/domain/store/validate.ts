import type { Curation } from '../../../shared/domain'
import type { CurationFile, LibraryFile, ReviewsFile } from './schema'

// Shape checks for files read from disk. They stop at the first bad field and name it, which is
// what a person repairing a file by hand needs; the write side is typed, so deep checks of every
// review would only cost time on open.

function expect(ok: boolean, field: string, what: string): void {
  if (!ok) throw new Error(`field "${field}" must be ${what}`)
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

export function validateLibraryFile(data: Record<string, unknown>): LibraryFile {
  expect(Array.isArray(data.imports), 'imports', 'an array')
  expect(Array.isArray(data.tags), 'tags', 'an array')
  expect(typeof data.createdAt === 'string', 'createdAt', 'a string')
  if (data.generation === undefined) data.generation = 0
  expect(Number.isSafeInteger(data.generation), 'generation', 'a whole number')
  if (data.views === undefined) data.views = []
  expect(Array.isArray(data.views), 'views', 'an array')
  if (data.exportSettings === undefined) data.exportSettings = {}
  expect(isObject(data.exportSettings), 'exportSettings', 'an object')
  if (data.exportPresets === undefined) data.exportPresets = []
  expect(Array.isArray(data.exportPresets), 'exportPresets', 'an array')
  return data as unknown as LibraryFile
}

export function validateReviewsFile(data: Record<string, unknown>): ReviewsFile {
  expect(isObject(data.work), 'work', 'an object')
  const work = data.work as Record<string, unknown>
  expect(typeof work.id === 'string', 'work.id', 'a string')
  expect(typeof work.title === 'string', 'work.title', 'a string')
  expect(Array.isArray(data.reviews), 'reviews', 'an array')
  const reviews = data.reviews as unknown[]
  reviews.forEach((r, i) => {
    expect(isObject(r), `reviews[${i}]`, 'an object')
    const review = r as Record<string, unknown>
    expect(typeof review.id === 'string', `reviews[${i}].id`, 'a string')
    expect(typeof review.body === 'string', `reviews[${i}].body`, 'a string')
  })
  return data as unknown as ReviewsFile
}

function validateCuration(c: unknown, field: string): Curation {
  expect(isObject(c), field, 'an object')
  const cur = c as Record<string, unknown>
  expect(Array.isArray(cur.tags), `${field}.tags`, 'an array')
  expect(cur.note === null || typeof cur.note === 'string', `${field}.note`, 'a string or null')
  const r = cur.myRating
  expect(
    r === null || (typeof r === 'number' && Number.isInteger(r) && r >= 1 && r <= 10),
    `${field}.myRating`,
    'null or a whole number 1-10',
  )
  expect(cur.kept === undefined || typeof cur.kept === 'boolean', `${field}.kept`, 'true or false')
  expect(
    cur.highlights === undefined || Array.isArray(cur.highlights),
    `${field}.highlights`,
    'an array',
  )
  return cur as unknown as Curation
}

export function validateCurationFile(data: Record<string, unknown>): CurationFile {
  expect(isObject(data.items), 'items', 'an object')
  for (const [id, c] of Object.entries(data.items as Record<string, unknown>)) {
    validateCuration(c, `items.${id}`)
  }
  return data as unknown as CurationFile
}
