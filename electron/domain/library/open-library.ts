import { mkdir, open, readdir, readFile, rename } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { Work } from '../../../shared/domain'
import { findBackups, snapshotIfDue } from '../store/backups'
import {
  SCHEMA_VERSION,
  type CurationFile,
  type LibraryFile,
  type ReviewsFile,
} from '../store/schema'
import {
  DamagedFileError,
  openStoreFile,
  readStoreFile,
  type StoreFile,
  type StoreFileOptions,
} from '../store/store-file'
import { quarantine, quarantineNotice } from '../store/quarantine'
import { acquireLock, LibraryChangedError, type LockOptions } from '../store/library-lock'
import { commitTransaction, recoverTransaction } from '../store/transaction'
import { validateCurationFile, validateLibraryFile, validateReviewsFile } from '../store/validate'
import { cleanTempFiles, commitFile, nodeFs, type DurableFs } from '../store/durable-write'
import { FRAGMENTS_DIR } from '../import/fragments-file'
import { Library } from './library'
import { mapLimited } from './map-limited'

/** Files read at once while opening: enough to keep the disk busy while JSON is parsed. */
const OPEN_CONCURRENCY = 6

export interface OpenLibraryOptions {
  now?: () => Date
  /** The file calls commits go through (tests inject failures). */
  fs?: DurableFs
  lock?: LockOptions
}

/** The generation number at the head of library.json (0 when it has none or does not exist). */
async function readGeneration(path: string): Promise<number> {
  const handle = await open(path, 'r').catch(() => null)
  if (!handle) return 0
  try {
    const head = Buffer.alloc(256)
    const { bytesRead } = await handle.read(head, 0, head.length, 0)
    const match = /"generation":\s*(\d+)/.exec(head.toString('latin1', 0, bytesRead))
    return match ? Number(match[1]) : 0
  } finally {
    await handle.close()
  }
}

/**
 * Opens one file; if it is damaged, sets it aside (never deletes it) and restores the newest backup
 * that reads back whole (skipping damaged ones), or starts that file afresh when there is none.
 * Either way the user is told in `notices`.
 */
async function openWithRecovery<T extends object>(
  dir: string,
  relative: string,
  options: StoreFileOptions<T>,
  notices: string[],
  now: Date,
): Promise<StoreFile<T>> {
  const path = join(dir, relative)
  const openChecked = async () => {
    const file = await openStoreFile(path, options, relative.split(sep).join('/'))
    if (file.setAside.length > 0) {
      const kept = await quarantine(dir, relative, file.setAside, now, options.fs)
      notices.push(quarantineNotice(relative, file.setAside, kept))
      await file.write()
      file.setAside = []
    }
    return file
  }
  try {
    return await openChecked()
  } catch (e) {
    if (!(e instanceof DamagedFileError)) throw e
    const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
    await rename(path, aside)
    const skipped: string[] = []
    let restored: string | null = null
    for (const backup of await findBackups(dir, relative)) {
      const usable = await readStoreFile(backup, options).then(
        (data) => data !== null,
        () => false,
      )
      if (!usable) {
        skipped.push(backup)
        continue
      }
      await commitFile(path, await readFile(backup), options.fs)
      restored = backup
      break
    }
    const skippedNote = skipped.length
      ? ` (skipping ${skipped.length} damaged backup${skipped.length > 1 ? 's' : ''}: ${skipped.join(', ')})`
      : ''
    notices.push(
      `${e.message}. It was kept as ${aside} and ` +
        (restored
          ? `restored from the backup ${restored}${skippedNote}.`
          : `no backup held a readable copy${skippedNote}, so it starts empty.`),
    )
    return openChecked()
  }
}

async function listJson(dir: string): Promise<string[]> {
  const names = await readdir(dir).catch(() => [] as string[])
  return names.filter((n) => /^[\w-]+\.json$/.test(n)).sort()
}

/** Opens (creating if needed) the library in `dir`, holding a lock until `close()`. */
export async function openLibrary(dir: string, options: OpenLibraryOptions = {}): Promise<Library> {
  const now = options.now ?? (() => new Date())
  await mkdir(join(dir, 'reviews'), { recursive: true })
  await mkdir(join(dir, 'curation'), { recursive: true })
  await mkdir(join(dir, FRAGMENTS_DIR), { recursive: true })
  const fs = options.fs ?? nodeFs
  const lock = await acquireLock(dir, { now, ...options.lock })
  const release = () => lock.release()
  try {
    // Before anything is read: an interrupted commit is finished or undone first.
    const recovered = await recoverTransaction(dir, fs)
    // Holding the lock, so any temp file of ours is a crashed writer's.
    for (const folder of ['', 'reviews', 'curation', FRAGMENTS_DIR])
      await cleanTempFiles(join(dir, folder))
    const notices: string[] = recovered ? [recovered] : []
    const opened = now()
    const libraryOptions: StoreFileOptions<LibraryFile> = {
      kind: 'library',
      validate: validateLibraryFile,
      create: () => ({
        schemaVersion: SCHEMA_VERSION,
        generation: 0,
        createdAt: now().toISOString(),
        imports: [],
        tags: [],
        views: [],
        collections: [],
        exportSettings: {},
        exportPresets: [],
      }),
    }
    const reviewOptions = (work: Work): StoreFileOptions<ReviewsFile> => ({
      kind: 'reviews',
      validate: validateReviewsFile,
      create: () => ({ schemaVersion: SCHEMA_VERSION, work, reviews: [] }),
      compact: true,
    })
    const curationOptions: StoreFileOptions<CurationFile> = {
      kind: 'curation',
      validate: validateCurationFile,
      create: () => ({ schemaVersion: SCHEMA_VERSION, items: {} }),
    }

    const meta = await openWithRecovery(dir, 'library.json', libraryOptions, notices, opened)
    const placeholder: Work = { id: '', title: '', year: null }
    // Files open a few at a time; each keeps its own notices so their order stays the files' order.
    const openAll = <T extends object>(
      folder: string,
      options: StoreFileOptions<T>,
    ): Promise<{ name: string; file: StoreFile<T> }[]> =>
      listJson(join(dir, folder)).then((names) =>
        mapLimited(names, OPEN_CONCURRENCY, async (name) => {
          const own: string[] = []
          const file = await openWithRecovery(dir, join(folder, name), options, own, opened)
          return { name, file, own }
        }).then((opened) =>
          opened.map(({ name, file, own }) => {
            notices.push(...own)
            return { name, file }
          }),
        ),
      )
    const reviewFiles = new Map<string, StoreFile<ReviewsFile>>()
    for (const { file } of await openAll('reviews', reviewOptions(placeholder))) {
      if (file.data.work.id) reviewFiles.set(file.data.work.id, file)
    }
    const curationFiles = new Map<string, StoreFile<CurationFile>>()
    for (const { name, file } of await openAll('curation', curationOptions)) {
      curationFiles.set(name.replace(/\.json$/, ''), file)
    }

    return new Library({
      dir,
      now,
      meta,
      reviewFiles,
      curationFiles,
      notices,
      release,
      snapshot: () =>
        snapshotIfDue(dir, now(), undefined, fs).then(
          () => true,
          () => false,
        ),
      verify: async (generation) => {
        await lock.assertHeld()
        const onDisk = await readGeneration(join(dir, 'library.json'))
        if (onDisk !== generation) {
          throw new LibraryChangedError(
            dir,
            `library.json was changed by another process (generation ${onDisk}, this process read ${generation})`,
          )
        }
      },
      commit: (writes, label, journal) =>
        commitTransaction(dir, writes, { label, now: now(), fs, journal }),
      openReviewFile: (work) =>
        openStoreFile(join(dir, 'reviews', `${work.id}.json`), reviewOptions(work)),
      openCurationFile: (bucket) =>
        openStoreFile(join(dir, 'curation', `${bucket}.json`), curationOptions),
    })
  } catch (e) {
    await release()
    throw e
  }
}
