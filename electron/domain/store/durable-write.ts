import { randomBytes } from 'node:crypto'
import * as fsp from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { CuratorError } from '../errors'

// The one way anything in the library (and an export) reaches the disk. A file is written to a
// temp file with a unique name, the temp file is fsynced, renamed over the target, and then the
// folder is fsynced so the rename itself survives a power cut. Without the first fsync some file
// systems keep the rename but not the data (a zero-length file); without the second the rename can
// be lost and the old file comes back.

/** The few calls of node:fs/promises we use: tests hand in a recording or failing one. */
export interface DurableFs {
  open(path: string, flags: string): Promise<WritableHandle>
  rename(from: string, to: string): Promise<void>
  rm(path: string, options: { force: boolean }): Promise<void>
  readdir(path: string): Promise<string[]>
}

export interface WritableHandle {
  write(data: Buffer | string): Promise<unknown>
  sync(): Promise<void>
  /** Flushes the data and the size, not the times (an append to the curation log; sync when absent). */
  datasync?(): Promise<void>
  /** Cuts the file to `length` bytes (a torn or refused append to the curation log). */
  truncate?(length: number): Promise<void>
  close(): Promise<void>
}

export const nodeFs: DurableFs = {
  open: (path, flags) => fsp.open(path, flags),
  rename: fsp.rename,
  rm: fsp.rm,
  readdir: (path) => fsp.readdir(path),
}

/** Text or bytes, or a writer that streams into the temp file (large review files, exports). */
export type Content = string | Buffer | ((handle: WritableHandle) => Promise<void>)

const TEMP_SUFFIX = '.rc-tmp'

/** `.name.<pid>-<random>.rc-tmp` next to the target: two writers never share a temp file. */
export function tempPathFor(path: string): string {
  const unique = `${process.pid}-${randomBytes(4).toString('hex')}`
  return join(dirname(path), `.${basename(path)}.${unique}${TEMP_SUFFIX}`)
}

/** Our temp files, and those of the earlier writers (lowdb's fixed name, an 8-hex random one). */
const OUR_TEMP = /^\..+\.(\d+-[0-9a-f]{8}\.rc-tmp|[0-9a-f]{8}\.tmp|json\.tmp)$/

function missingFolder(path: string, e: unknown): unknown {
  if ((e as NodeJS.ErrnoException).code !== 'ENOENT') return e
  return new CuratorError(
    'bad-input',
    `The folder ${dirname(path)} does not exist; create it first`,
  )
}

/** Writes `content` to a new temp file next to `path` and fsyncs it; returns the temp path. */
export async function writeStaged(
  path: string,
  content: Content,
  fs: DurableFs = nodeFs,
  temp = tempPathFor(path),
): Promise<string> {
  const handle = await fs.open(temp, 'wx').catch((e: unknown) => {
    throw missingFolder(path, e)
  })
  try {
    try {
      if (typeof content === 'function') await content(handle)
      else await handle.write(content)
      await handle.sync()
    } finally {
      await handle.close()
    }
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
  return temp
}

/** Makes the renames and removals in `dir` durable. Windows cannot open a folder to sync it. */
export async function syncDir(dir: string, fs: DurableFs = nodeFs): Promise<void> {
  if (process.platform === 'win32') return
  const handle = await fs.open(dir, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Windows virus scanners and indexers hold a just-written file for a moment (lowdb retries too). */
export async function renameWithRetry(
  from: string,
  to: string,
  fs: DurableFs = nodeFs,
  attempts = 10,
): Promise<void> {
  for (let i = 1; ; i++) {
    try {
      await fs.rename(from, to)
      return
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code
      if (i >= attempts || (code !== 'EPERM' && code !== 'EACCES' && code !== 'EBUSY')) throw e
      await sleep(100)
    }
  }
}

/**
 * Replaces `path` with `content` durably: temp file → fsync → rename → fsync the folder. A failure
 * at any step removes the temp file and leaves the old file exactly as it was.
 */
export async function commitFile(
  path: string,
  content: Content,
  fs: DurableFs = nodeFs,
): Promise<void> {
  const temp = await writeStaged(path, content, fs)
  try {
    await renameWithRetry(temp, path, fs)
  } catch (e) {
    await fs.rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
  await syncDir(dirname(path), fs)
}

/** Removes `path` (if there) and makes the removal durable. */
export async function removeFile(path: string, fs: DurableFs = nodeFs): Promise<void> {
  await fs.rm(path, { force: true })
  await syncDir(dirname(path), fs)
}

/**
 * Removes temp files a crashed writer left in `dir`. Only call it while holding the library lock:
 * then no other writer of ours can be using one.
 */
export async function cleanTempFiles(dir: string, fs: DurableFs = nodeFs): Promise<string[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[])
  const stale = names.filter((n) => OUR_TEMP.test(n))
  for (const name of stale) await fs.rm(join(dir, name), { force: true })
  return stale
}
