import { randomBytes } from 'node:crypto'
import { link, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { CuratorError } from '../errors'

// The library folder's lock: a file naming its owner (pid, host, the process's start time and a
// random token). Whether a lock is stale is decided by asking whether that process still runs,
// never by how old the file is, so a crashed owner's lock is taken over at once and a paused one
// (Ctrl+Z, laptop sleep, a VM pause) is never taken from it. A process on another host (a shared
// network folder) cannot be asked: its lock counts as stale only after `staleMs` without the
// heartbeat its owner gives the file while it holds it. Before every commit the owner checks
// the file still names it, so even a lock taken by hand can never let two writers overwrite each
// other's work.

export const LOCK_FILE = '.lock'

export interface LockOwner {
  pid: number
  host: string
  /** The process's start time as the OS reports it (Linux), telling a reused pid apart. */
  started: string | null
  token: string
  acquiredAt: string
}

/** The library changed under us (another process took the lock or committed): nothing was written. */
export class LibraryChangedError extends CuratorError {
  constructor(dir: string, why: string) {
    super(
      'bad-input',
      `Nothing was saved: ${why}. The library ${dir} may hold newer work from another Review Curator window or command; close this one and open the library again`,
    )
    this.name = 'LibraryChangedError'
  }
}

export interface LockOptions {
  /** Whether the owner process still runs (tests stub it). */
  isAlive?: (owner: LockOwner) => Promise<boolean>
  /**
   * A lock whose owner we cannot ask (another host on a shared folder) or cannot read counts as
   * stale after this long without a heartbeat.
   */
  staleMs?: number
  /**
   * How often the owner touches the lock file while it holds it, so a process on another host
   * can tell a live owner from a lost one by the file's age. Well under staleMs.
   */
  heartbeatMs?: number
  now?: () => Date
}

/** Field 22 of /proc/<pid>/stat: clock ticks from boot to the process's start. Linux only. */
export async function processStart(pid: number): Promise<string | null> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8')
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null
  } catch {
    return null
  }
}

export async function ownerIsAlive(owner: LockOwner): Promise<boolean> {
  try {
    process.kill(owner.pid, 0)
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false
  }
  if (owner.started === null) return true
  const started = await processStart(owner.pid)
  return started === null || started === owner.started
}

function parseOwner(text: string): LockOwner | null {
  try {
    const value = JSON.parse(text) as Partial<LockOwner>
    if (typeof value.pid !== 'number' || typeof value.token !== 'string') return null
    return value as LockOwner
  } catch {
    return null
  }
}

export class LibraryLock {
  private released = false
  private heartbeat: NodeJS.Timeout | null = null

  constructor(
    readonly dir: string,
    readonly owner: LockOwner,
  ) {}

  /**
   * Touches the lock file every `ms` while it is still ours: the sign of life that processes on
   * other hosts go by. The timer never keeps the process alive.
   */
  keepAlive(ms: number, now: () => Date): void {
    if (this.heartbeat || this.released) return
    this.heartbeat = setInterval(() => void this.touch(now()), ms)
    this.heartbeat.unref()
  }

  private async touch(at: Date): Promise<void> {
    const text = await readFile(this.path, 'utf8').catch(() => '')
    // Never refresh a lock another process has taken over: its age is that process's to set.
    if (this.released || parseOwner(text)?.token !== this.owner.token) return
    await utimes(this.path, at, at).catch(() => undefined)
  }

  get path(): string {
    return join(this.dir, LOCK_FILE)
  }

  /** Throws LibraryChangedError unless the lock file still names this process. */
  async assertHeld(): Promise<void> {
    if (this.released) throw new LibraryChangedError(this.dir, 'the library was already closed')
    const text = await readFile(this.path, 'utf8').catch(() => '')
    if (parseOwner(text)?.token !== this.owner.token) {
      throw new LibraryChangedError(
        this.dir,
        'this process no longer holds the library lock (it was taken over while this process was paused or stopped)',
      )
    }
  }

  /** Removes the lock if it is still ours; never removes another process's lock. */
  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    if (this.heartbeat) clearInterval(this.heartbeat)
    const text = await readFile(this.path, 'utf8').catch(() => '')
    if (parseOwner(text)?.token === this.owner.token) await rm(this.path, { force: true })
  }
}

function inUse(
  dir: string,
  owner: LockOwner | null,
  remote?: { lastSeen: Date; staleMs: number },
): CuratorError {
  if (owner && remote) {
    const minutes = Math.round(remote.staleMs / 60_000)
    return new CuratorError(
      'bad-input',
      `The library ${dir} is in use by Review Curator on the host ${owner.host} (process ` +
        `${owner.pid}), held since ${owner.acquiredAt || 'an unknown time'}, last seen ` +
        `${remote.lastSeen.toISOString()}. A lock from another computer is taken over only after ` +
        `${minutes} minute${minutes === 1 ? '' : 's'} without a sign of life; close Review Curator there and try again`,
    )
  }
  const who = owner ? ` (process ${owner.pid} on ${owner.host})` : ''
  return new CuratorError(
    'bad-input',
    `The library ${dir} is in use by another Review Curator window or command${who}; close it and try again`,
  )
}

/** Whether the lock at `path` may be taken over, and what it held. */
async function staleness(
  path: string,
  options: Required<LockOptions>,
): Promise<{ stale: boolean; owner: LockOwner | null; text: string; lastSeen?: Date }> {
  const info = await stat(path).catch(() => null)
  if (!info) return { stale: true, owner: null, text: '' }
  const oldEnough = options.now().getTime() - info.mtimeMs > options.staleMs
  // Earlier versions locked with a folder refreshed every 10 s (proper-lockfile).
  if (info.isDirectory()) return { stale: oldEnough, owner: null, text: '' }
  const text = await readFile(path, 'utf8').catch(() => '')
  const owner = parseOwner(text)
  if (!owner) return { stale: oldEnough, owner, text }
  // Another host's process cannot be asked; its heartbeat (the file's age) is all there is.
  if (owner.host !== hostname()) return { stale: oldEnough, owner, text, lastSeen: info.mtime }
  return { stale: !(await options.isAlive(owner)), owner, text }
}

/**
 * Takes the library's lock, taking over one whose owner no longer runs. Throws a CuratorError
 * (bad-input) naming the owner when a running process holds it.
 */
export async function acquireLock(dir: string, options: LockOptions = {}): Promise<LibraryLock> {
  const opts: Required<LockOptions> = {
    isAlive: options.isAlive ?? ownerIsAlive,
    staleMs: options.staleMs ?? 10 * 60_000,
    heartbeatMs: options.heartbeatMs ?? 60_000,
    now: options.now ?? (() => new Date()),
  }
  const path = join(dir, LOCK_FILE)
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    started: await processStart(process.pid),
    token: randomBytes(8).toString('hex'),
    acquiredAt: opts.now().toISOString(),
  }
  // The whole record is written first and linked into place: link fails if a lock exists, so
  // the lock appears complete or not at all, and only one of two racing processes gets it.
  const temp = join(dir, `${LOCK_FILE}.${owner.token}.rc-tmp`)
  await writeFile(temp, JSON.stringify(owner))
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await createExclusive(temp, path, owner)
        const lock = new LibraryLock(dir, owner)
        lock.keepAlive(opts.heartbeatMs, opts.now)
        return lock
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      }
      const found = await staleness(path, opts)
      if (!found.stale)
        throw inUse(
          dir,
          found.owner,
          found.lastSeen && { lastSeen: found.lastSeen, staleMs: opts.staleMs },
        )
      await takeOver(path, found.text, owner.token)
    }
    throw inUse(dir, null)
  } finally {
    await rm(temp, { force: true })
  }
}

/**
 * Creates the lock file only if none exists. Linking the complete temp file is atomic; file
 * systems without hard links (FAT, some network shares) get an exclusive create instead, whose
 * content is written just after (an empty lock file counts as stale only after `staleMs`).
 */
async function createExclusive(temp: string, path: string, owner: LockOwner): Promise<void> {
  try {
    await link(temp, path)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'EEXIST' || (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'ENOSYS')) throw e
    await writeFile(path, JSON.stringify(owner), { flag: 'wx' })
  }
}

/**
 * Moves a stale lock aside. If, in between, another process replaced it with a fresh lock of its
 * own, that lock is put back and we report the library as in use.
 */
async function takeOver(path: string, staleText: string, token: string): Promise<void> {
  const aside = `${path}.${token}.stale`
  const moved = await rename(path, aside).then(
    () => true,
    () => false,
  )
  if (!moved) return
  const info = await stat(aside)
  const text = info.isDirectory() ? '' : await readFile(aside, 'utf8').catch(() => '')
  if (text !== staleText) {
    await link(aside, path).catch(() => undefined)
    await rm(aside, { recursive: true, force: true })
    throw inUse(path.slice(0, -LOCK_FILE.length - 1), parseOwner(text))
  }
  await rm(aside, { recursive: true, force: true })
}
