import { mkdir, open, readdir, readFile, rename, stat } from 'node:fs/promises'
import { join, sep } from 'node:path'
import type { Work } from '../../../shared/domain'
import { BACKUP_DIR, BackupFailedError, findBackups, snapshotIfDue } from '../store/backups'
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
import { SOURCES_DIR } from '../import/kept-sources'
import { rebuildWorksFromSources } from '../import/rebuild-from-sources'
import { openCurationLog } from '../store/curation-log'
import { Library } from './library'
import { readListCache } from './list-cache'
import { keepListCache } from './list-cache-keeper'
import { loadBodiesInBackground } from './staged-open'
import { reviewFilesStamp } from '../search/review-files-stamp'
import { keepIndexRead, startIndexRead } from '../search/engine-registry'
import { replayCurationLog } from './replay-curation-log'
import { mapLimited } from './map-limited'
import {
  readFragmentNames,
  rebuiltNotice,
  reconcileLibraryFile,
  reconciledNotice,
} from './rebuild-library-file'

/** Files read at once while opening: enough to keep the disk busy while JSON is parsed. */
const OPEN_CONCURRENCY = 6

export interface OpenLibraryOptions {
  now?: () => Date
  /** The file calls commits go through (tests inject failures). */
  fs?: DurableFs
  lock?: LockOptions
  /**
   * Staged open: when list-cache.bin matches the review files, the library opens with the listed
   * reviews (empty bodies) and reads the review files in the background (see Library.bodies()).
   */
  staged?: boolean
  /**
   * Staged open: start reading the search index file at once, so text queries can be answered
   * before the text is in (the window). A command-line edit that never searches skips the read
   * of a file of tens of MB (default true).
   */
  readIndexEarly?: boolean
  /** Staged open: runs before the review files are read (tests and the harness slow it down). */
  beforeBodies?: () => Promise<void>
  /** Staged open: how long after a change list-cache.bin is written again (tests pass 0). */
  listCacheDelayMs?: number
  /** Bytes of curation log records past which they are folded into the shards. */
  curationLogLimit?: number
}

/** Two select-all edits of 100,000 reviews fit before a fold rewrites every shard. */
const CURATION_LOG_LIMIT = 48 * 1024 * 1024

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
  {
    onDamaged = () => undefined,
    fallback,
  }: {
    /** Told when the file was damaged (whatever replaced it) or records of it were set aside. */
    onDamaged?: () => void
    /** How the file was replaced (told to the caller), and what to say when no backup reads. */
    fallback?: {
      text: string
      recovered: (from: 'backup' | 'nothing') => void
      /** A missing file counts as damaged (library.json, once there are reviews to index). */
      missing: boolean
    }
  } = {},
): Promise<StoreFile<T>> {
  const path = join(dir, relative)
  const openChecked = async () => {
    const file = await openStoreFile(path, options, relative.split(sep).join('/'))
    if (file.setAside.length > 0) {
      const kept = await quarantine(dir, relative, file.setAside, now, options.fs)
      notices.push(quarantineNotice(relative, file.setAside, kept))
      onDamaged()
      await file.write()
      file.setAside = []
    }
    return file
  }
  let problem: string
  try {
    const missing = fallback?.missing === true && !(await exists(path))
    if (!missing) return await openChecked()
    problem = `${relative} is missing although the library holds reviews:`
  } catch (e) {
    if (!(e instanceof DamagedFileError)) throw e
    onDamaged()
    const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
    await rename(path, aside)
    problem = `${e.message}. It was kept as ${aside} and`
  }
  const { restored, skipped } = await restoreFromBackups(dir, relative, options)
  const skippedNote = skipped.length
    ? ` (skipping ${skipped.length} damaged backup${skipped.length > 1 ? 's' : ''}: ${skipped.join(', ')})`
    : ''
  notices.push(
    `${problem} ` +
      (restored
        ? `restored from the backup ${restored}${skippedNote}.`
        : `no backup held a readable copy${skippedNote}, so ${fallback?.text ?? 'it starts empty'}.`),
  )
  fallback?.recovered(restored ? 'backup' : 'nothing')
  return openChecked()
}

const exists = (path: string) =>
  stat(path).then(
    () => true,
    () => false,
  )

/** Copies the newest backup of `relative` that reads back whole over it, skipping damaged ones. */
async function restoreFromBackups<T extends object>(
  dir: string,
  relative: string,
  options: StoreFileOptions<T>,
): Promise<{ restored: string | null; skipped: string[] }> {
  const skipped: string[] = []
  for (const backup of await findBackups(dir, relative)) {
    const usable = await readStoreFile(backup, options).then(
      (data) => data !== null,
      () => false,
    )
    if (!usable) {
      skipped.push(backup)
      continue
    }
    await commitFile(join(dir, relative), await readFile(backup), options.fs)
    return { restored: backup, skipped }
  }
  return { restored: null, skipped }
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
  await mkdir(join(dir, SOURCES_DIR), { recursive: true })
  const fs = options.fs ?? nodeFs
  const lock = await acquireLock(dir, { now, ...options.lock })
  const release = () => lock.release()
  // Read and checked in a worker while the open goes on: the search engine restores it as soon
  // as the reviews are listed (its stamp is checked then), long before their text is read.
  const indexRead = options.staged && options.readIndexEarly !== false ? startIndexRead(dir) : null
  try {
    // Before anything is read: an interrupted commit is finished or undone first.
    const recovered = await recoverTransaction(dir, fs)
    // Holding the lock, so any temp file of ours is a crashed writer's.
    for (const folder of ['', 'reviews', 'curation', FRAGMENTS_DIR, SOURCES_DIR])
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
      split: { key: 'reviews', first: 'id' },
    })
    const curationOptions: StoreFileOptions<CurationFile> = {
      kind: 'curation',
      validate: validateCurationFile,
      create: () => ({ schemaVersion: SCHEMA_VERSION, items: {} }),
      // Unindented: a select-all edit rewrites every shard, and indenting made them half as big again.
      compact: true,
    }

    let metaRecovered: 'backup' | 'nothing' | null = null
    const meta = await openWithRecovery(dir, 'library.json', libraryOptions, notices, opened, {
      fallback: {
        text: 'it is rebuilt from the review and curation files',
        recovered: (from) => (metaRecovered = from),
        missing: (await listJson(join(dir, 'reviews'))).length > 0,
      },
    })
    const placeholder: Work = { id: '', title: '', year: null }
    // Files open a few at a time; each keeps its own notices so their order stays the files' order.
    const openAll = <T extends object>(
      folder: string,
      options: StoreFileOptions<T>,
      onDamaged: (name: string) => void = () => undefined,
      stop: () => boolean = () => false,
      /** Told of each file as soon as it is read (and recovered), before the others are. */
      onOpened: (file: StoreFile<T>) => void = () => undefined,
    ): Promise<{ name: string; file: StoreFile<T> }[]> =>
      listJson(join(dir, folder)).then((names) =>
        mapLimited(names, OPEN_CONCURRENCY, async (name) => {
          // A staged open's reader stops when the library closes: it writes nothing after that.
          if (stop()) throw new Error('the library was closed before its reviews were read')
          const own: string[] = []
          const file = await openWithRecovery(dir, join(folder, name), options, own, opened, {
            onDamaged: () => onDamaged(name),
          })
          onOpened(file)
          return { name, file, own }
        }).then((opened) =>
          opened.map(({ name, file, own }) => {
            notices.push(...own)
            return { name, file }
          }),
        ),
      )
    // The review files (what had to be recovered in them goes to the notices) and the works whose
    // file was damaged, read again from their kept sources once the library is built.
    const openReviews = async (
      stop?: () => boolean,
      onOpened?: (file: StoreFile<ReviewsFile>) => void,
    ) => {
      const reviewFiles = new Map<string, StoreFile<ReviewsFile>>()
      const damagedWorks: string[] = []
      const reviewsOpened = await openAll(
        'reviews',
        reviewOptions(placeholder),
        (name) => damagedWorks.push(name.replace(/\.json$/, '')),
        stop,
        onOpened,
      )
      for (const { file } of reviewsOpened) {
        if (file.data.work.id) reviewFiles.set(file.data.work.id, file)
      }
      return { reviewFiles, damagedWorks }
    }
    // A library.json rebuilt from the files needs them all at once: no staging then.
    const stampAtOpen = options.staged && !metaRecovered ? await reviewFilesStamp(dir) : null
    const listed = stampAtOpen === null ? null : await readListCache(dir, stampAtOpen)
    const { reviewFiles, damagedWorks } = listed
      ? { reviewFiles: new Map<string, StoreFile<ReviewsFile>>(), damagedWorks: [] }
      : await openReviews()
    const curationFiles = new Map<string, StoreFile<CurationFile>>()
    for (const { name, file } of await openAll('curation', curationOptions)) {
      curationFiles.set(name.replace(/\.json$/, ''), file)
    }
    const openCurationFile = (bucket: string) =>
      openStoreFile(join(dir, 'curation', `${bucket}.json`), curationOptions)
    // Edits since the shards were last written, replayed over them.
    const { log: curationLog, records } = await openCurationLog(dir, {
      fs,
      now: opened,
      notices,
      generation: meta.data.generation,
    })
    const logBuckets = await replayCurationLog(records, curationFiles, openCurationFile)

    if (metaRecovered) {
      const found = reconcileLibraryFile(meta.data, {
        reviewFiles: [...reviewFiles.values()].map((f) => f.data),
        curationFiles: [...curationFiles.values()].map((f) => f.data),
        fragmentNames: await readFragmentNames(dir),
      })
      const notice =
        metaRecovered === 'nothing'
          ? rebuiltNotice('No backup of library.json could be read', reviewFiles.size, found)
          : reconciledNotice(found)
      if (notice) {
        notices.push(notice)
        await meta.write()
      }
    }

    const library = new Library({
      dir,
      now,
      meta,
      reviewFiles,
      curationFiles,
      notices,
      ...(listed ? { listed } : {}),
      release,
      curationLog,
      logBuckets,
      logLimit: options.curationLogLimit ?? CURATION_LOG_LIMIT,
      snapshot: () =>
        snapshotIfDue(dir, now(), undefined, fs).then(
          () => null,
          (e: unknown) =>
            e instanceof BackupFailedError
              ? { folder: e.folder, reason: e.message }
              : {
                  folder: join(dir, BACKUP_DIR),
                  reason: e instanceof Error ? e.message : String(e),
                },
        ),
      verify: async (generation) => {
        await lock.assertHeld()
        if (generation === null) return
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
      openCurationFile,
    })
    // A damaged review file got the backup's copy (or none), a quarantined review is left out:
    // the imports of that work are read again from their kept sources.
    if (damagedWorks.length > 0) await rebuildWorksFromSources(library, damagedWorks)
    // The files stamp only vouches for reviews listed from the cache (a staged open's).
    if (indexRead) keepIndexRead(library, indexRead, listed ? stampAtOpen : null)
    if (options.staged) {
      keepListCache(library, {
        fresh: listed !== null,
        ...(stampAtOpen !== null ? { stampAtOpen } : {}),
        ...(options.listCacheDelayMs !== undefined ? { delayMs: options.listCacheDelayMs } : {}),
      })
    }
    if (listed) {
      // Notices of recovered review files join the library's, as a full open's would.
      loadBodiesInBackground(library, async () => {
        await options.beforeBodies?.()
        return openReviews(
          () => library.isClosed,
          (file) => library.takeReviewFile(file),
        )
      })
    }
    return library
  } catch (e) {
    await release()
    throw e
  }
}
