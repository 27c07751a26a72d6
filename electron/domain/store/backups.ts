import { constants } from 'node:fs'
import { copyFile, link, mkdir, open, readdir, readFile, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { commitFile, nodeFs, syncDir, type DurableFs } from './durable-write'

// Snapshots of the library: library.json, curation/, the fragments and the review files. A review
// file unchanged since the previous snapshot is hard-linked to that snapshot's copy (never to the
// live file, which a tool could change in place), so only review files an import rewrote are
// copied again. A snapshot is built in a
// `<time>.partial` folder, every copied file read back and parsed, and only then renamed to its
// final name: a crash or a full disk can leave a partial folder, never a backup that does not
// restore. A snapshot that failed is removed and tried again at the next commit.

const DAY_MS = 24 * 60 * 60 * 1000
export const BACKUP_DIR = 'backups'
const PARTIAL = '.partial'
/** Folders of the library a snapshot holds, and whether their files are linked or copied. */
const FOLDERS: { name: string; link: boolean }[] = [
  { name: 'curation', link: false },
  { name: 'imports', link: false },
  { name: 'reviews', link: true },
]

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
  const names = await readdir(join(dir, BACKUP_DIR)).catch(() => [] as string[])
  return names.filter((n) => !n.endsWith(PARTIAL) && !n.startsWith('.')).sort() // ISO stamps sort chronologically
}

const jsonNames = async (folder: string) =>
  (await readdir(folder).catch(() => [] as string[])).filter((n) => /^[\w-]+\.json$/.test(n))

/** Copies `from` to `to` durably and checks the copy reads back as the same JSON object. */
async function copyVerified(from: string, to: string, fs: DurableFs): Promise<void> {
  const bytes = await readFile(from)
  await commitFile(to, bytes, fs)
  const back = await readFile(to)
  if (!back.equals(bytes)) throw new Error(`${to}: the copy does not match the original`)
  const value: unknown = JSON.parse(back.toString('utf8'))
  if (typeof value !== 'object' || value === null) throw new Error(`${to}: not a JSON object`)
}

/** Copies a (large) review file with the kernel's copy (a clone where the file system can), synced. */
async function copyLarge(from: string, to: string): Promise<void> {
  await copyFile(from, to, constants.COPYFILE_FICLONE)
  const handle = await open(to, 'r+')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
  const [a, b] = await Promise.all([stat(from), stat(to)])
  if (a.size !== b.size) throw new Error(`${to}: the copy is not the size of the original`)
}

/**
 * A review file into the snapshot: linked to the previous snapshot's copy when the live file has
 * not changed since that copy was made, copied otherwise.
 */
async function reviewCopy(from: string, to: string, previous: string | null): Promise<void> {
  if (previous) {
    const [live, old] = await Promise.all([stat(from), stat(previous).catch(() => null)])
    if (old && old.size === live.size && live.mtimeMs <= old.mtimeMs) {
      const linked = await link(previous, to).then(
        () => true,
        () => false,
      )
      if (linked) return
    }
  }
  await copyLarge(from, to)
}

/** A snapshot could not be written and verified; nothing of it was left behind. */
export class BackupFailedError extends Error {
  constructor(
    readonly folder: string,
    cause: unknown,
  ) {
    const code = (cause as NodeJS.ErrnoException).code
    const reason = cause instanceof Error ? cause.message : String(cause)
    super(code === 'ENOSPC' ? `the disk is full (${reason})` : reason)
    this.name = 'BackupFailedError'
  }
}

/** What the user is told after a change whose backup failed; `again` when the retry failed too. */
export function backupFailedNotice(folder: string, reason: string, again: boolean): string {
  return (
    `The backup in ${folder} failed${again ? ' again' : ''}: ${reason}. ` +
    'It is tried again at the next change; until one succeeds, no backup holds today’s work. ' +
    'Free some space or check the folder if this repeats.'
  )
}

/** When a snapshot was taken, from its folder name. */
function takenAt(name: string): number {
  const iso = name.replace(/^(\d{4}-\d\d-\d\dT\d\d)-(\d\d)-(\d\d)-(\d{3})Z$/, '$1:$2:$3.$4Z')
  const time = Date.parse(iso)
  return Number.isNaN(time) ? 0 : time
}

/**
 * Takes a snapshot when the newest one is older than a day; keeps the newest `keep`. Returns the
 * snapshot's folder, or null when none was due. Throws (leaving no partial snapshot behind) when
 * it could not be written and verified.
 */
export async function snapshotIfDue(
  dir: string,
  now: Date,
  keep = 7,
  fs: DurableFs = nodeFs,
): Promise<string | null> {
  const root = join(dir, BACKUP_DIR)
  for (const name of await readdir(root).catch(() => [] as string[]))
    if (name.endsWith(PARTIAL)) await rm(join(root, name), { recursive: true, force: true })
  const snapshots = await listSnapshots(dir)
  const newest = snapshots.at(-1)
  // A snapshot stamped in the future (the clock was set back) does not stop new ones.
  const age = newest ? now.getTime() - takenAt(newest) : Infinity
  if (age >= 0 && age < DAY_MS) return null
  if (!(await exists(join(dir, 'library.json')))) return null
  const name = stamp(now)
  const partial = join(root, `${name}${PARTIAL}`)
  try {
    await mkdir(partial, { recursive: true })
    await copyVerified(join(dir, 'library.json'), join(partial, 'library.json'), fs)
    for (const folder of FOLDERS) {
      const names = await jsonNames(join(dir, folder.name))
      if (names.length === 0) continue
      await mkdir(join(partial, folder.name))
      for (const file of names) {
        const from = join(dir, folder.name, file)
        const to = join(partial, folder.name, file)
        if (folder.link)
          await reviewCopy(from, to, newest ? join(root, newest, folder.name, file) : null)
        else await copyVerified(from, to, fs)
      }
      await syncDir(join(partial, folder.name), fs)
    }
    await syncDir(partial, fs)
    await fs.rename(partial, join(root, name))
    await syncDir(root, fs)
  } catch (e) {
    await rm(partial, { recursive: true, force: true })
    throw new BackupFailedError(root, e)
  }
  for (const old of [...snapshots, name].slice(0, -keep)) {
    await rm(join(root, old), { recursive: true, force: true })
  }
  return join(root, name)
}

/** Every snapshot's copy of `relative` (e.g. `curation/3f.json`), newest first. */
export async function findBackups(dir: string, relative: string): Promise<string[]> {
  const found: string[] = []
  for (const snapshot of (await listSnapshots(dir)).reverse()) {
    const candidate = join(dir, BACKUP_DIR, snapshot, relative)
    if (await exists(candidate)) found.push(candidate)
  }
  return found
}
