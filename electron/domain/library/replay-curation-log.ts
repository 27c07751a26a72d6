import type { CurationFile } from '../store/schema'
import type { LogItems } from '../store/curation-log'
import type { StoreFile } from '../store/store-file'
import { curationBucket, isEmptyCuration, normaliseCuration } from './library'

/**
 * Applies the curation log's records, in order, to the shards just read (opening a shard that is
 * not there yet); returns the buckets whose file on disk lacks what the log holds.
 */
export async function replayCurationLog(
  records: readonly LogItems[],
  curationFiles: Map<string, StoreFile<CurationFile>>,
  openCurationFile: (bucket: string) => Promise<StoreFile<CurationFile>>,
): Promise<Set<string>> {
  const behind = new Set<string>()
  for (const items of records) {
    for (const [id, curation] of Object.entries(items)) {
      const bucket = curationBucket(id)
      let file = curationFiles.get(bucket)
      if (!file) curationFiles.set(bucket, (file = await openCurationFile(bucket)))
      if (curation === null || isEmptyCuration(normaliseCuration(curation)))
        delete file.data.items[id]
      else file.data.items[id] = curation
      behind.add(bucket)
    }
  }
  return behind
}
