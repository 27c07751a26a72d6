import { readdir, rename } from 'node:fs/promises'
import { join } from 'node:path'
import { readFragments } from '../import/fragments-file'
import { keptSourceProblems } from '../import/kept-sources'
import { BACKUP_DIR } from '../store/backups'
import { readStoreFile, type StoreFileOptions } from '../store/store-file'
import { validateCurationFile, validateLibraryFile, validateReviewsFile } from '../store/validate'
import type { Library } from './library'

// `review-curator doctor`: what opening the library repaired (a journal finished, damaged files
// restored, records set aside) is in library.notices; this checks what opening does not read
// (backups, fragments, cross-references) and reports it.

export interface Finding {
  /** repaired: fixed now; problem: needs the user; note: worth knowing, nothing to do. */
  level: 'repaired' | 'problem' | 'note'
  message: string
}

const SNAPSHOT = /^\d{4}-\d\d-\d\dT[\d-]+Z$/

const lenient = <T extends object>(
  kind: StoreFileOptions<T>['kind'],
  validate: StoreFileOptions<T>['validate'],
): StoreFileOptions<T> => ({ kind, validate, create: () => ({}) as T })

const CHECKS = {
  'library.json': lenient('library', validateLibraryFile),
  curation: lenient('curation', validateCurationFile),
  reviews: lenient('reviews', validateReviewsFile),
} as const

async function jsonIn(folder: string): Promise<string[]> {
  const names = await readdir(folder).catch(() => [] as string[])
  return names.filter((n) => /^[\w-]+\.json$/.test(n))
}

/** Why a snapshot would not restore, or null when every file in it reads. */
async function snapshotProblem(path: string): Promise<string | null> {
  try {
    await readStoreFile(join(path, 'library.json'), CHECKS['library.json'])
    for (const name of await jsonIn(join(path, 'curation')))
      await readStoreFile(join(path, 'curation', name), CHECKS.curation)
    for (const name of await jsonIn(join(path, 'reviews')))
      await readStoreFile(join(path, 'reviews', name), CHECKS.reviews)
    return null
  } catch (e) {
    return e instanceof Error ? e.message : String(e)
  }
}

export async function checkLibrary(library: Library): Promise<Finding[]> {
  const findings: Finding[] = library.notices.map((message) => ({ level: 'repaired', message }))
  const backups = join(library.dir, BACKUP_DIR)
  let good = 0
  for (const name of (await readdir(backups).catch(() => [] as string[])).filter((n) =>
    SNAPSHOT.test(n),
  )) {
    const problem = await snapshotProblem(join(backups, name))
    if (!problem) {
      good++
      continue
    }
    // Moved out of the way (a dot name is never listed as a backup), not deleted.
    const aside = join(backups, `.damaged-${name}`)
    await rename(join(backups, name), aside)
    findings.push({
      level: 'repaired',
      message: `The backup ${name} would not restore (${problem}); it was moved to ${aside}.`,
    })
  }
  if (good === 0)
    findings.push({
      level: 'note',
      message: 'There is no backup yet: one is taken before the first change of each day.',
    })

  for (const record of library.imports) {
    if (!record.fragmentCount) continue
    await readFragments(library.dir, record.id).catch((e: unknown) =>
      findings.push({
        level: 'problem',
        message: `The unparsed text of ${record.fileName} (import ${record.id}) cannot be read: ${e instanceof Error ? e.message : String(e)}.`,
      }),
    )
  }
  for (const message of await keptSourceProblems(library.dir))
    findings.push({
      level: 'problem',
      message: `${message}; the reviews are unaffected, but that import cannot be re-parsed or rebuilt from it (import the file again to keep a new copy).`,
    })
  const recorded = new Set(library.imports.flatMap((i) => i.workIds))
  for (const work of library.allWorks()) {
    if (!recorded.has(work.id))
      findings.push({
        level: 'note',
        message: `${work.title} has reviews but no import record (it cannot be undone as an import).`,
      })
  }
  for (const folder of ['', 'reviews', 'curation']) {
    for (const name of await readdir(join(library.dir, folder)).catch(() => [] as string[])) {
      if (name.includes('.damaged-'))
        findings.push({
          level: 'note',
          message: `${join(folder, name)} is a damaged file set aside earlier; delete it once you no longer need it.`,
        })
    }
  }
  return findings
}
