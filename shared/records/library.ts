import { z } from 'zod'

export const TagRecord = z.object({
  name: z.string().min(1),
  color: z.string(),
  /** The key 1–9 pinned to this tag (absent: none, or a library from before pins). */
  key: z.number().int().min(1).max(9).optional(),
})
export type TagRecord = z.infer<typeof TagRecord>

export const ImportRecordRecord = z.object({
  id: z.string().min(1),
  fileName: z.string(),
  format: z.string(),
  importedAt: z.string(),
  workIds: z.array(z.string()),
  found: z.number().int().nonnegative(),
  declared: z.number().int().nonnegative().nullable(),
  added: z.number().int().nonnegative(),
  updated: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  fragmentCount: z.number().int().nonnegative().optional(),
})

export const SavedViewRecord = z.object({
  id: z.string().min(1),
  name: z.string(),
  query: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
})

export const ExportPresetRecord = z.object({
  name: z.string(),
  format: z.string(),
  options: z.record(z.string(), z.unknown()),
})

/**
 * library.json: the frame. Lists are checked record by record (TagRecord, ImportRecordRecord,
 * SavedViewRecord, ExportPresetRecord); fields added after the first release may be missing.
 */
export const LibraryFileFrame = z.object({
  schemaVersion: z.number().int(),
  generation: z.number().int().nonnegative().optional(),
  createdAt: z.string(),
  imports: z.array(z.unknown()),
  tags: z.array(z.unknown()),
  views: z.array(z.unknown()).optional(),
  collections: z.array(z.unknown()).optional(),
  exportSettings: z.record(z.string(), z.unknown()).optional(),
  exportPresets: z.array(z.unknown()).optional(),
  layout: z.unknown().optional(),
})

/**
 * A manual collection (an article's pull quotes): its reviews in the user's order. Kept in
 * library.json with the views: a few small lists of ids, written only when the user edits them.
 */
export const CollectionRecord = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  reviewIds: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
})
export type CollectionRecord = z.infer<typeof CollectionRecord>
