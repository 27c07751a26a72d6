import type { Low } from 'lowdb'
import { copyFile, mkdir, readdir, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import type { Work } from '../../../shared/domain'
import { CuratorError } from '../errors'
import { findBackup, snapshotIfDue } from '../store/backups'
import {
  SCHEMA_VERSION,
  type CurationFile,
  type LibraryFile,
  type ReviewsFile,
} from '../store/schema'
import { DamagedFileError, openStoreFile, type StoreFileOptions } from '../store/store-file'
import { validateCurationFile, validateLibraryFile, validateReviewsFile } from '../store/validate'
import { cleanTempFiles } from '../store/durable-write'
import { FRAGMENTS_DIR } from '../import/fragments-file'
import { Library } from './library'
import { mapLimited } from './map-limited'

/** Files read at once while opening: enough to keep the disk busy while JSON is parsed. */
const OPEN_CONCURRENCY = 6

export interface OpenLibraryOptions {
  now?: () => Date
}

async function acquireLock(dir: string): Promise<() => Promise<void>> {
  try {
    return await lockfile.lock(dir, {
      lockfilePath: join(dir, '.lock'),
      stale: 30_000,
      update: 10_000,
      realpath: false,
      // A lost lock (e.g. the folder vanished) must not crash the app; the next write will say why.
      onCompromised: () => undefined,
    })
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOCKED') {
      throw new CuratorError(
        'bad-input',
        `The library ${dir} is in use by another Review Curator window or command; close it and try again`,
      )
    }
    throw e
  }
}

/**
 * Opens one file; if it is damaged, sets it aside (never deletes it) and restores the newest backup,
 * or starts that file afresh when there is none. Either way the user is told in `notices`.
 */
async function openWithRecovery<T extends object>(
  dir: string,
  relative: string,
  options: StoreFileOptions<T>,
  notices: string[],
  now: Date,
): Promise<Low<T>> {
  const path = join(dir, relative)
  try {
    return await openStoreFile(path, options)
  } catch (e) {
    if (!(e instanceof DamagedFileError)) throw e
    const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
    await rename(path, aside)
    const backup = await findBackup(dir, relative)
    if (backup) await copyFile(backup, path)
    notices.push(
      `${e.message}. It was kept as ${aside} and ` +
        (backup ? `restored from the backup ${backup}.` : 'no backup held it, so it starts empty.'),
    )
    return openStoreFile(path, options)
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
  const release = await acquireLock(dir)
  try {
    // Holding the lock, so any temp file of ours is a crashed writer's.
    for (const folder of ['', 'reviews', 'curation', FRAGMENTS_DIR])
      await cleanTempFiles(join(dir, folder))
    const notices: string[] = []
    const opened = now()
    const libraryOptions: StoreFileOptions<LibraryFile> = {
      kind: 'library',
      validate: validateLibraryFile,
      create: () => ({
        schemaVersion: SCHEMA_VERSION,
        createdAt: now().toISOString(),
        imports: [],
        tags: [],
        views: [],
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
    ): Promise<{ name: string; file: Low<T> }[]> =>
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
    const reviewFiles = new Map<string, Low<ReviewsFile>>()
    for (const { file } of await openAll('reviews', reviewOptions(placeholder))) {
      if (file.data.work.id) reviewFiles.set(file.data.work.id, file)
    }
    const curationFiles = new Map<string, Low<CurationFile>>()
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
      snapshot: () => snapshotIfDue(dir, now()),
      openReviewFile: (work) =>
        openStoreFile(join(dir, 'reviews', `${work.id}.json`), reviewOptions(work)),
      deleteReviewFile: (workId) => rm(join(dir, 'reviews', `${workId}.json`), { force: true }),
      openCurationFile: (bucket) =>
        openStoreFile(join(dir, 'curation', `${bucket}.json`), curationOptions),
    })
  } catch (e) {
    await release()
    throw e
  }
}
