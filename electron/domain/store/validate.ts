import type { z } from 'zod'
import { WorkspaceLayout } from '../../../shared/channels/layout'
import { CurationFileFrame, CurationRecord } from '../../../shared/records/curation'
import {
  CollectionRecord,
  ExportPresetRecord,
  ImportRecordRecord,
  LibraryFileFrame,
  SavedViewRecord,
  TagRecord,
} from '../../../shared/records/library'
import { ReviewRecord, ReviewsFileFrame } from '../../../shared/records/review'
import type { CurationFile, LibraryFile, ReviewsFile } from './schema'
import { isReviewRecord } from './review-shape'
import { isCurationFileFrame, isCurationRecord } from './curation-shape'

// Checks of files read from disk against the record schemas in shared/records. A file whose frame
// is wrong (not the right kind of file at all) is damaged as a whole; a single record of the wrong
// shape is set aside (quarantined) and the rest of the file is used.

/** One record taken out of a file because it does not have its schema's shape. */
export interface SetAside {
  /** Where it was, e.g. reviews[4] or items.rv_1a2b. */
  field: string
  reason: string
  record: unknown
}

export type Validator<T> = (data: Record<string, unknown>, setAside: (s: SetAside) => void) => T

function reasonOf(error: z.ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'does not have the expected shape'
  const path = issue.path.map(String).join('.')
  return `${path ? `field "${path}": ` : ''}${issue.message.replace(/^Invalid input: /, '')}`
}

/** Throws (making the whole file damaged) when the frame does not fit. */
function checkFrame(schema: z.ZodType, data: Record<string, unknown>): void {
  const result = schema.safeParse(data)
  if (!result.success) throw new Error(reasonOf(result.error))
}

function keepValid<T>(
  list: unknown[],
  schema: z.ZodType,
  field: string,
  setAside: (s: SetAside) => void,
  /** A quick check that accepts only what `schema` accepts; what it refuses goes to `schema`. */
  quick: (record: unknown) => boolean = () => false,
): T[] {
  const kept: unknown[] = []
  list.forEach((record, i) => {
    if (quick(record)) {
      kept.push(record)
      return
    }
    const result = schema.safeParse(record)
    if (result.success) kept.push(record)
    else setAside({ field: `${field}[${i}]`, reason: reasonOf(result.error), record })
  })
  return kept as T[]
}

export const validateLibraryFile: Validator<LibraryFile> = (data, setAside) => {
  checkFrame(LibraryFileFrame, data)
  data.generation ??= 0
  data.views ??= []
  data.collections ??= []
  data.exportSettings ??= {}
  data.exportPresets ??= []
  for (const [field, schema] of [
    ['imports', ImportRecordRecord],
    ['tags', TagRecord],
    ['views', SavedViewRecord],
    ['collections', CollectionRecord],
    ['exportPresets', ExportPresetRecord],
  ] as const) {
    data[field] = keepValid(data[field] as unknown[], schema, field, setAside)
  }
  // A damaged layout costs only the layout: it is set aside and the default is used.
  if (data.layout !== undefined) {
    const layout = WorkspaceLayout.safeParse(data.layout)
    if (!layout.success) {
      setAside({ field: 'layout', reason: reasonOf(layout.error), record: data.layout })
      delete data.layout
    }
  }
  return data as unknown as LibraryFile
}

export const validateReviewsFile: Validator<ReviewsFile> = (data, setAside) => {
  checkFrame(ReviewsFileFrame, data)
  data.reviews = keepValid(
    data.reviews as unknown[],
    ReviewRecord,
    'reviews',
    setAside,
    isReviewRecord,
  )
  return data as unknown as ReviewsFile
}

export const validateCurationFile: Validator<CurationFile> = (data, setAside) => {
  if (!isCurationFileFrame(data)) checkFrame(CurationFileFrame, data)
  const items = data.items as Record<string, unknown>
  // for…in, not Object.entries: no pair array per item (100,000 of them once all are tagged).
  for (const id in items) {
    const item = items[id]
    if (isCurationRecord(item)) continue
    const result = CurationRecord.safeParse(item)
    if (!result.success) {
      setAside({ field: `items.${id}`, reason: reasonOf(result.error), record: item })
      delete items[id]
    }
  }
  return data as unknown as CurationFile
}
