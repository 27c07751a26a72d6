import { z } from 'zod'
import { ParseOptionsSchema } from '../channels/import'

/** One file of an import as it was read, kept compressed in sources/<blob>. */
export const KeptSourceEntryRecord = z.object({
  recordId: z.string().min(1),
  fileName: z.string(),
  /** The file under sources/ holding the gzip-compressed bytes. */
  blob: z.string().regex(/^[\w-]+\.gz$/, 'expected a file name like im_1.gz'),
  /** The format the import was read as, and the options the user chose (format, mapping, scale). */
  format: z.string(),
  options: ParseOptionsSchema,
  byteLength: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a sha256 in hex'),
})
export type KeptSourceEntryRecord = z.infer<typeof KeptSourceEntryRecord>

/** sources/<importId>.json: the manifest of one import's kept sources. */
export const SourcesManifestRecord = z.object({
  schemaVersion: z.literal(1),
  importId: z.string().min(1),
  importedAt: z.string(),
  files: z.array(KeptSourceEntryRecord),
})
export type SourcesManifestRecord = z.infer<typeof SourcesManifestRecord>
