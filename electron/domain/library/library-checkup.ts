import { copyFile, readdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { CheckEntry, LibraryCheck } from '../../../shared/channels/library'
import { FRAGMENTS_DIR, readFragments } from '../import/fragments-file'
import { CURATION_LOG, parseCurationLog } from '../store/curation-log'
import { readStoreFile, type StoreFileOptions } from '../store/store-file'
import { validateCurationFile, validateLibraryFile, validateReviewsFile } from '../store/validate'
import type { SetAside } from '../store/validate'
import { checkLibrary, type Finding } from './check-library'
import type { Library } from './library'

// Check Library (Help menu) and `review-curator doctor`: every file of the open library is read
// back from disk and checked against its schema, then what checkLibrary checks (backups, kept
// fragments, cross-references). A library file damaged since it was opened is set aside and
// written again from the open library's copy, which was checked on open and holds every commit
// since; nothing is ever deleted.

const lenient = <T extends object>(
  kind: StoreFileOptions<T>['kind'],
  validate: StoreFileOptions<T>['validate'],
): StoreFileOptions<T> => ({ kind, validate, create: () => ({}) as T })

const FOLDERS: { folder: string; options: StoreFileOptions<object> }[] = [
  { folder: 'reviews', options: lenient('reviews', validateReviewsFile) },
  { folder: 'curation', options: lenient('curation', validateCurationFile) },
]

async function jsonIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[])
  return names.filter((n) => /^[\w-]+\.json$/.test(n)).sort()
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e))

/** Reads one library file as opening would; the first problem found, or null when it reads. */
async function problemOf<T extends object>(
  path: string,
  options: StoreFileOptions<T>,
): Promise<string | null> {
  const setAside: SetAside[] = []
  try {
    const data = await readStoreFile(path, {
      ...options,
      validate: (data) => options.validate(data, (s) => setAside.push(s)),
    })
    if (data === null) return 'missing'
  } catch (e) {
    return messageOf(e)
  }
  if (setAside.length === 0) return null
  const first = setAside[0]!
  return `${setAside.length} record(s) of the wrong shape (${first.field}: ${first.reason}); the next open sets them aside in quarantine/`
}

async function checkFile<T extends object>(
  library: Library,
  relative: string,
  options: StoreFileOptions<T>,
  now: Date,
): Promise<CheckEntry> {
  const path = join(library.dir, relative)
  const problem = await problemOf(path, options)
  if (problem === null) return { subject: relative, level: 'ok', message: 'reads and is valid' }
  const copy = library.fileInMemory(path)
  // Records of the wrong shape are the user's data: the next open keeps them in quarantine,
  // where rewriting from memory would drop them.
  if (!copy || /wrong shape/.test(problem))
    return { subject: relative, level: 'problem', message: problem }
  const aside = `${path}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`
  const missing = problem === 'missing'
  try {
    // A copy, not a rename: if the write is refused the damaged file stays where it was.
    if (!missing) await copyFile(path, aside)
    await copy.write()
  } catch (e) {
    if (!missing) await rm(aside, { force: true })
    return {
      subject: relative,
      level: 'problem',
      message: `${problem}; it could not be written again (${messageOf(e)})`,
    }
  }
  return {
    subject: relative,
    level: 'repaired',
    message: missing
      ? "missing; written again from the open library's copy."
      : `${problem}. It was kept as ${aside} and written again from the open library's copy.`,
  }
}

/** The curation log read back: what is damaged in it, or null when it reads (or is absent). */
async function curationLogDamage(library: Library): Promise<string | null> {
  try {
    // No generation to compare: a check wants damage, not which record is ahead of library.json.
    const { damaged } = parseCurationLog(
      await readFile(join(library.dir, CURATION_LOG)),
      Number.MAX_SAFE_INTEGER,
    )
    return damaged
      ? `record ${damaged.record} (byte ${damaged.offset}) is damaged: ${damaged.reason}`
      : null
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'ENOENT' ? null : messageOf(e)
  }
}

/**
 * Damage to the log since open loses nothing: the open library applied every record on open and
 * holds every edit since, and the fold that ends the check writes them all into the curation
 * files and starts the log afresh. So the entry depends on that fold.
 */
function curationLogEntry(damage: string | null, folded: unknown): CheckEntry {
  const subject = CURATION_LOG.replaceAll('\\', '/')
  if (folded !== true)
    return {
      subject,
      level: 'problem',
      message: `${damage ?? 'reads'}; its edits could not be written into the curation files (${messageOf(folded)})`,
    }
  if (damage === null) return { subject, level: 'ok', message: 'reads and is valid' }
  return {
    subject,
    level: 'repaired',
    message: `${damage}. The open library holds every edit: they were written into the curation files and the log started afresh.`,
  }
}

/** What a finding of checkLibrary is about, for the list. */
function subjectOf(finding: Finding): string {
  if (/^The backup |There is no backup/.test(finding.message)) return 'backups'
  const file = /^(\S+\.json(?:\.damaged-\S+)?) /.exec(finding.message)
  return file ? file[1]! : 'library'
}

/** Checks every file of the open library and repairs what it can; see the comment above. */
export async function checkupLibrary(library: Library, now: Date): Promise<LibraryCheck> {
  const entries: CheckEntry[] = [
    await checkFile(library, 'library.json', lenient('library', validateLibraryFile), now),
  ]
  for (const { folder, options } of FOLDERS) {
    for (const name of await jsonIn(join(library.dir, folder)))
      entries.push(await checkFile(library, `${folder}/${name}`, options, now))
  }
  const findings = await checkLibrary(library)
  for (const name of await jsonIn(join(library.dir, FRAGMENTS_DIR))) {
    const subject = `${FRAGMENTS_DIR}/${name}`
    const problem = await readFragments(library.dir, name.replace(/\.json$/, '')).then(
      () => null,
      (e: unknown) => messageOf(e),
    )
    if (problem === null) entries.push({ subject, level: 'ok', message: 'reads and is valid' })
    // checkLibrary names the import a damaged fragments file belongs to: one line is enough.
    else if (!findings.some((f) => f.message.includes(subject)))
      entries.push({
        subject,
        level: 'problem',
        message: `${problem}; the unparsed text of this import cannot be shown (a backup in backups/ may hold a good copy)`,
      })
  }
  for (const finding of findings)
    entries.push({ subject: subjectOf(finding), level: finding.level, message: finding.message })
  // Checked as they are (a shard damaged since open must show as such), then left holding the
  // curation log's edits, for whatever reads them next.
  const logDamage = await curationLogDamage(library)
  const folded = await library.foldCurationLog().then(
    () => true,
    (e: unknown) => e,
  )
  entries.push(curationLogEntry(logDamage, folded))
  return { entries, problems: entries.filter((e) => e.level === 'problem').length }
}
