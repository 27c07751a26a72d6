import { randomBytes } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { dirname, join, relative } from 'node:path'
import { CuratorError } from '../errors'
import {
  commitFile,
  nodeFs,
  removeFile,
  renameWithRetry,
  syncDir,
  tempPathFor,
  writeStaged,
  type Content,
  type DurableFs,
} from './durable-write'

// Several files replaced as one: all of them or none, whatever step a crash or a full disk stops.
//   1. the intent journal (journal.json, state "pending") naming every target and its staged copy,
//   2. and, side by side with it, each new file written and fsynced under its staged (temp) name;
//   3. the commit marker: the journal rewritten with state "committed";
//   4. the staged files renamed over their targets, removals done, folders fsynced;
//   5. the journal removed.
// Opening a library finishes what was interrupted: a pending journal is rolled back (staged files
// removed, nothing changed), a committed one rolled forward (the remaining renames done).

export const JOURNAL_FILE = 'journal.json'

/** One file to replace (`content`) or remove (`content: null`). */
export interface FileWrite {
  path: string
  content: Content | null
}

interface Journal {
  schemaVersion: 1
  id: string
  label: string
  startedAt: string
  state: 'pending' | 'committed'
  /** Paths relative to the library folder; `staged: null` removes the target. */
  files: { target: string; staged: string | null }[]
}

export interface TransactionOptions {
  label: string
  now: Date
  fs?: DurableFs
  /**
   * False when the writes need not land together, only in order (a curation edit of one shard):
   * each is committed on its own, with no journal.
   */
  journal?: boolean
}

/** Fsyncs the folders holding `paths`, side by side. */
const syncAll = (paths: string[], fs: DurableFs) =>
  Promise.all([...new Set(paths.map((p) => dirname(p)))].map((folder) => syncDir(folder, fs)))

/**
 * Writes that need only land in order, not together: every new file is written and fsynced (side
 * by side), then each is renamed into place in order, then the folders are fsynced. A crash
 * leaves a prefix of the writes done. Temp files of a failed write are removed.
 */
async function commitInOrder(writes: FileWrite[], fs: DurableFs): Promise<void> {
  const staged = await Promise.allSettled(
    writes.map((w) => (w.content === null ? null : writeStaged(w.path, w.content, fs))),
  )
  const temps = staged.flatMap((r) => (r.status === 'fulfilled' && r.value ? [r.value] : []))
  try {
    const failed = staged.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    for (const [i, w] of writes.entries()) {
      const temp = (staged[i] as PromiseFulfilledResult<string | null>).value
      if (temp === null) await fs.rm(w.path, { force: true })
      else await renameWithRetry(temp, w.path, fs)
    }
  } catch (e) {
    for (const temp of temps) await fs.rm(temp, { force: true }).catch(() => undefined)
    throw e
  }
  await syncAll(
    writes.map((w) => w.path),
    fs,
  )
}

/**
 * Commits `writes` under the library folder `dir`. A single file needs no journal: its rename is
 * already all-or-nothing.
 */
export async function commitTransaction(
  dir: string,
  writes: FileWrite[],
  { label, now, fs = nodeFs, journal: useJournal = true }: TransactionOptions,
): Promise<void> {
  if (writes.length === 1 || !useJournal) {
    await commitInOrder(writes, fs)
    return
  }
  const files = writes.map((w) => ({
    target: w.path,
    staged: w.content === null ? null : tempPathFor(w.path),
  }))
  const journal: Journal = {
    schemaVersion: 1,
    id: randomBytes(6).toString('hex'),
    label,
    startedAt: now.toISOString(),
    state: 'pending',
    files: files.map((f) => ({
      target: relative(dir, f.target),
      staged: f.staged === null ? null : relative(dir, f.staged),
    })),
  }
  const journalPath = join(dir, JOURNAL_FILE)
  try {
    // The journal and the staged files are written and fsynced side by side: the disk overlaps
    // the syncs. A crash before the journal lands leaves only temp files, which the next open
    // removes: a roll-back all the same.
    const written = await Promise.allSettled([
      commitFile(journalPath, JSON.stringify(journal), fs),
      ...writes.map((w, i) =>
        w.content === null ? null : writeStaged(w.path, w.content, fs, files[i]!.staged!),
      ),
    ])
    const failed = written.find((r) => r.status === 'rejected')
    if (failed) throw failed.reason
    // The staged files' names must be durable before the marker says they are the new state.
    await syncAll(
      files.flatMap((f) => (f.staged ? [f.staged] : [])),
      fs,
    )
  } catch (e) {
    await rollBack(dir, journal, fs).catch(() => undefined)
    throw e
  }
  const marker = JSON.stringify({ ...journal, state: 'committed' })
  try {
    await commitFile(journalPath, marker, fs)
  } catch (e) {
    // The marker may have landed before the failure (say, at the folder's fsync): what the
    // journal on disk says decides whether this commit happened.
    const onDisk = await readFile(journalPath, 'utf8').catch(() => null)
    if (onDisk !== marker) {
      await rollBack(dir, journal, fs).catch(() => undefined)
      throw e
    }
  }
  // Committed: from here the change must be finished, now or when the library is next opened.
  try {
    await rollForward(dir, journal, fs)
  } catch {
    try {
      await rollForward(dir, journal, fs)
    } catch (e) {
      throw new IncompleteCommitError(journal.label, e)
    }
  }
}

/**
 * A commit that was saved (its journal committed) but could not be finished: it will be when the
 * library is next opened. Until then this process must not write again.
 */
export class IncompleteCommitError extends CuratorError {
  constructor(label: string, cause: unknown) {
    super(
      'internal',
      `“${label}” was saved but could not be finished (${cause instanceof Error ? cause.message : String(cause)}); close the library and open it again to finish it`,
    )
    this.name = 'IncompleteCommitError'
  }
}

async function rollBack(dir: string, journal: Journal, fs: DurableFs): Promise<void> {
  for (const f of journal.files) if (f.staged) await fs.rm(join(dir, f.staged), { force: true })
  await removeFile(join(dir, JOURNAL_FILE), fs)
}

async function rollForward(dir: string, journal: Journal, fs: DurableFs): Promise<void> {
  // Once committed the order of the renames no longer matters: they run side by side (a bulk
  // edit renames all 256 curation shards), and a crash among them is finished on the next open.
  const results = await Promise.allSettled(
    journal.files.map(async (f) => {
      const target = join(dir, f.target)
      if (f.staged === null) return fs.rm(target, { force: true })
      try {
        await renameWithRetry(join(dir, f.staged), target, fs)
      } catch (e) {
        // Already renamed by an earlier, interrupted roll-forward.
        if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e
      }
    }),
  )
  const failed = results.find((r) => r.status === 'rejected')
  if (failed) throw failed.reason
  await syncAll(
    journal.files.map((f) => join(dir, f.target)),
    fs,
  )
  await removeFile(join(dir, JOURNAL_FILE), fs)
}

function parseJournal(text: string): Journal | null {
  try {
    const value = JSON.parse(text) as Partial<Journal>
    if (!Array.isArray(value.files) || (value.state !== 'pending' && value.state !== 'committed'))
      return null
    const safe = (p: unknown) => typeof p === 'string' && !p.startsWith('..') && !p.includes('\0')
    if (!value.files.every((f) => safe(f.target) && (f.staged === null || safe(f.staged))))
      return null
    return value as Journal
  } catch {
    return null
  }
}

/**
 * Finishes a transaction a crash interrupted. Returns what the user should be told, or null when
 * there was nothing to do. Run it while holding the lock, before anything else reads the files.
 */
export async function recoverTransaction(
  dir: string,
  fs: DurableFs = nodeFs,
): Promise<string | null> {
  const path = join(dir, JOURNAL_FILE)
  const text = await readFile(path, 'utf8').catch(() => null)
  if (text === null) return null
  const journal = parseJournal(text)
  if (!journal) {
    // The journal is committed by rename, so it is whole or absent; an unreadable one was damaged
    // later. Its staged files are temp files, which opening removes: that is a roll-back.
    await fs.rename(path, `${path}.damaged`).catch(() => undefined)
    return `${JOURNAL_FILE} could not be read (kept as ${JOURNAL_FILE}.damaged); an interrupted change may have been rolled back.`
  }
  const what = `“${journal.label}” (started ${journal.startedAt})`
  if (journal.state === 'committed') {
    await rollForward(dir, journal, fs)
    return `${what} was interrupted after it was saved; it has now been completed.`
  }
  await rollBack(dir, journal, fs)
  return `${what} was interrupted before it was saved; it was rolled back, and the library is as it was before it.`
}
