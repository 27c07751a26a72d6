import { cp, mkdir, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'

// Snapshots of the user's own work (library.json and curation/). Review text is not copied: it can
// always be imported again from the dump, and copying 100+ MB on every start would be felt.

const DAY_MS = 24 * 60 * 60 * 1000
export const BACKUP_DIR = 'backups'

function stamp(now: Date): string {
  return now.toISOString().replace(/[:.]/g, '-')
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  )
}

async function listSnapshots(dir: string): Promise<string[]> {
  const root = join(dir, BACKUP_DIR)
  if (!(await exists(root))) return []
  return (await readdir(root)).sort() // ISO stamps sort chronologically
}

/** Takes a snapshot when the newest one is older than a day; keeps the newest `keep`. */
export async function snapshotIfDue(dir: string, now: Date, keep = 7): Promise<string | null> {
  const snapshots = await listSnapshots(dir)
  const newest = snapshots.at(-1)
  if (newest) {
    const taken = await stat(join(dir, BACKUP_DIR, newest))
    if (now.getTime() - taken.mtime.getTime() < DAY_MS) return null
  }
  if (!(await exists(join(dir, 'library.json')))) return null
  const target = join(dir, BACKUP_DIR, stamp(now))
  await mkdir(target, { recursive: true })
  await cp(join(dir, 'library.json'), join(target, 'library.json'))
  if (await exists(join(dir, 'curation'))) {
    await cp(join(dir, 'curation'), join(target, 'curation'), { recursive: true })
  }
  for (const old of [...snapshots, stamp(now)].slice(0, -keep)) {
    await rm(join(dir, BACKUP_DIR, old), { recursive: true, force: true })
  }
  return target
}

/** The newest snapshot's copy of `relative` (e.g. `curation/3f.json`), if any holds it. */
export async function findBackup(dir: string, relative: string): Promise<string | null> {
  for (const snapshot of (await listSnapshots(dir)).reverse()) {
    const candidate = join(dir, BACKUP_DIR, snapshot, relative)
    if (await exists(candidate)) return candidate
  }
  return null
}
