import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { commitFile, nodeFs, type DurableFs } from './durable-write'
import type { SetAside } from './validate'

// Records of the wrong shape are never dropped silently: before the file is rewritten without
// them they are kept, with where they were and why, in quarantine/<file>-<time>.json.

export const QUARANTINE_DIR = 'quarantine'

/** Keeps `records` (from the library file `relative`) durably; returns the quarantine file's path. */
export async function quarantine(
  dir: string,
  relative: string,
  records: SetAside[],
  now: Date,
  fs: DurableFs = nodeFs,
): Promise<string> {
  await mkdir(join(dir, QUARANTINE_DIR), { recursive: true })
  const name = `${relative.replace(/[\\/]/g, '-').replace(/\.json$/, '')}-${now.toISOString().replace(/[:.]/g, '-')}.json`
  const path = join(dir, QUARANTINE_DIR, name)
  const content = { file: relative, setAsideAt: now.toISOString(), records }
  await commitFile(path, JSON.stringify(content, null, 2), fs)
  return path
}

/** What the user is told: which file, how many records, the first few by place and reason. */
export function quarantineNotice(relative: string, records: SetAside[], kept: string): string {
  const shown = records
    .slice(0, 3)
    .map((r) => `${r.field}: ${r.reason}`)
    .join('; ')
  const more = records.length > 3 ? `; and ${records.length - 3} more` : ''
  const count = `${records.length} record${records.length === 1 ? '' : 's'}`
  return `${relative}: ${count} of the wrong shape set aside (${shown}${more}); the rest of the library opened. They are kept in ${kept}.`
}
