import type { Curation } from '../../../shared/domain'
import type { CurationFile } from '../store/schema'
import type { LogRecord } from '../store/curation-log'
import type { StoreFile } from '../store/store-file'
import { curationBucket, isEmptyCuration, normaliseCuration } from './library'

/**
 * Applies the curation log's records, in order, to the shards just read (opening a shard that is
 * not there yet); returns the buckets whose file on disk lacks what the log holds.
 */
export async function replayCurationLog(
  records: readonly LogRecord[],
  curationFiles: Map<string, StoreFile<CurationFile>>,
  openCurationFile: (bucket: string) => Promise<StoreFile<CurationFile>>,
): Promise<Set<string>> {
  const behind = new Set<string>()
  const isEmpty = (c: Curation | null) => c === null || isEmptyCuration(normaliseCuration(c))
  for (const { items, groups } of records) {
    const runs: [readonly string[], Curation | null][] = groups.map((g) => [g.ids, g.value])
    for (const [id, curation] of Object.entries(items)) runs.push([[id], curation])
    for (const [ids, value] of runs) {
      const empty = isEmpty(value)
      for (const id of ids) {
        const bucket = curationBucket(id)
        let file = curationFiles.get(bucket)
        if (!file) curationFiles.set(bucket, (file = await openCurationFile(bucket)))
        if (empty) delete file.data.items[id]
        else file.data.items[id] = value!
        behind.add(bucket)
      }
    }
  }
  return behind
}
