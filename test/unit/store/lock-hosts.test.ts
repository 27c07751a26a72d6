import { readFile, stat, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { acquireLock, LOCK_FILE, type LockOwner } from '../../../electron/domain/store/library-lock'
import { tempDir } from '../support/temp-library'

// A lock held by a process on another host (a library on a network share) cannot be judged by
// asking whether its pid runs: it is judged by its heartbeat, the lock file's age, with a
// generous window, and the message says whose it is and when it was last seen.

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const NOW = new Date('2026-03-01T12:00:00Z')
const MINUTE = 60_000
const STALE_MS = 10 * MINUTE

/** A lock file as Review Curator on `host` writes it, last touched `ageMs` before NOW. */
async function foreignLock(host: string, ageMs: number): Promise<LockOwner> {
  const owner: LockOwner = {
    pid: process.pid, // a pid that runs here: only the host may decide
    host,
    started: null,
    token: 'remote-token',
    acquiredAt: '2026-03-01T08:00:00.000Z',
  }
  const path = join(dir, LOCK_FILE)
  await writeFile(path, JSON.stringify(owner))
  const seen = new Date(NOW.getTime() - ageMs)
  await utimes(path, seen, seen)
  return owner
}

const options = { now: () => NOW, staleMs: STALE_MS, isAlive: async () => false }

describe('a lock held on another host', () => {
  it('is kept while its heartbeat is recent, and the message names host, since and last seen', async () => {
    await foreignLock('studio-laptop', 2 * MINUTE)
    const refused = acquireLock(dir, options)
    await expect(refused).rejects.toThrow(
      /in use by Review Curator on the host studio-laptop \(process \d+\), held since 2026-03-01T08:00:00.000Z, last seen 2026-03-01T11:58:00.000Z/,
    )
    await expect(refused).rejects.toThrow(/taken over only after 10 minutes without a sign of life/)
    // Untouched: still the other host's.
    expect(JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')).host).toBe('studio-laptop')
  })

  it('is taken over once no heartbeat came for longer than the window', async () => {
    await foreignLock('studio-laptop', STALE_MS + MINUTE)
    const lock = await acquireLock(dir, options)
    const now = JSON.parse(await readFile(join(dir, LOCK_FILE), 'utf8')) as LockOwner
    expect(now.host).toBe(hostname())
    expect(now.token).toBe(lock.owner.token)
    await lock.release()
  })

  it('a same-host lock is judged by its owner process, however old the file', async () => {
    await foreignLock(hostname(), STALE_MS * 100)
    await expect(acquireLock(dir, { ...options, isAlive: async () => true })).rejects.toThrow(
      /in use by another Review Curator window or command \(process \d+ on /,
    )
  })
})

describe('the heartbeat', () => {
  it('touches the lock file while it is held', async () => {
    const lock = await acquireLock(dir, { heartbeatMs: 20 })
    const path = join(dir, LOCK_FILE)
    const old = new Date('2020-01-01T00:00:00Z')
    await utimes(path, old, old)
    await vi.waitFor(async () => expect((await stat(path)).mtimeMs).toBeGreaterThan(old.getTime()))
    await lock.release()
    await expect(stat(path)).rejects.toThrow(/ENOENT/)
  })

  it('never refreshes a lock another process has taken over', async () => {
    const lock = await acquireLock(dir, { heartbeatMs: 20 })
    const owner = await foreignLock('other-host', 0)
    const path = join(dir, LOCK_FILE)
    const old = new Date('2020-01-01T00:00:00Z')
    await utimes(path, old, old)
    await new Promise((r) => setTimeout(r, 150))
    expect((await stat(path)).mtimeMs).toBe(old.getTime())
    expect(JSON.parse(await readFile(path, 'utf8')).token).toBe(owner.token)
    await lock.release()
  })
})
