import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { curationBucket } from '../../../electron/domain/library/library'
import { parseCurationLog } from '../../../electron/domain/store/curation-log'

/**
 * The curation stored on disk, as the next open would read it: each shard's items (by file name)
 * with the curation log replayed over them. Read from the files, never from an open library.
 */
export async function curationOnDisk(
  dir: string,
): Promise<Record<string, Record<string, unknown>>> {
  const folder = join(dir, 'curation')
  const shards: Record<string, Record<string, unknown>> = {}
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.json')) continue
    shards[name] = JSON.parse(await readFile(join(folder, name), 'utf8')).items
  }
  const log = await readFile(join(folder, 'log.bin')).catch(() => null)
  if (!log) return shards
  const { generation } = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
  for (const { items, groups } of parseCurationLog(log, generation).records) {
    const entries = groups.flatMap((g) => g.ids.map((id) => [id, g.value] as const))
    for (const [id, curation] of [...entries, ...Object.entries(items)]) {
      const shard = (shards[`${curationBucket(id)}.json`] ??= {})
      if (curation === null) delete shard[id]
      else shard[id] = curation
    }
  }
  return shards
}
