import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImportRecord, Tag } from '../../../shared/domain'
import { PALETTE } from '../curation/tag-rules'
import { FRAGMENTS_DIR } from '../import/fragments-file'
import type { CurationFile, LibraryFile, ReviewsFile } from '../store/schema'

// library.json is the one file that cannot be re-read from anything else, so when it is lost and
// no backup holds it (or the backup is older than the review files), what it indexed is recovered
// from the files that remain: import records from the reviews' import ids, tags from the
// curation that uses them. What only library.json held is named to the user as lost.

export interface RebuildSources {
  reviewFiles: Iterable<ReviewsFile>
  curationFiles: Iterable<CurationFile>
  /** Import record id → the file name kept with its unparsed fragments (imports/<id>.json). */
  fragmentNames: ReadonlyMap<string, string>
}

export interface Reconciled {
  importsAdded: number
  tagsAdded: number
  /** Imports added back whose file name was found with their kept fragments. */
  namesFound: number
}

/** The file name each kept fragments file records, by import record id; unreadable ones are skipped. */
export async function readFragmentNames(dir: string): Promise<Map<string, string>> {
  const names = new Map<string, string>()
  const folder = join(dir, FRAGMENTS_DIR)
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!/^[\w-]+\.json$/.test(name)) continue
    try {
      const value = JSON.parse(await readFile(join(folder, name), 'utf8')) as unknown
      const { recordId, fileName } = (value ?? {}) as Record<string, unknown>
      if (typeof recordId === 'string' && typeof fileName === 'string')
        names.set(recordId, fileName)
    } catch {
      // A damaged fragments file only costs the import's name here; doctor reports it.
    }
  }
  return names
}

/** One import id's reviews, as far as the review files tell. */
interface ImportSeen {
  importedAt: string
  workIds: Set<string>
  found: number
}

/**
 * Adds to `meta` (in place) every import that some review names and every tag some curation uses
 * but that `meta` lacks. Recovered imports get what the reviews tell (when, which works, how many
 * reviews); recovered tags get the colour a new tag would get.
 */
export function reconcileLibraryFile(meta: LibraryFile, sources: RebuildSources): Reconciled {
  const known = new Set(meta.imports.map((r) => r.id))
  // A multi-file import records one entry per file (<id>_1, <id>_2) while its reviews carry <id>.
  const coveredByFiles = (id: string) => meta.imports.some((r) => r.id.startsWith(`${id}_`))
  const seen = new Map<string, ImportSeen>()
  for (const file of sources.reviewFiles) {
    for (const review of file.reviews) {
      if (known.has(review.importId) || coveredByFiles(review.importId)) continue
      let entry = seen.get(review.importId)
      if (!entry)
        seen.set(
          review.importId,
          (entry = { importedAt: review.importedAt, workIds: new Set(), found: 0 }),
        )
      if (review.importedAt < entry.importedAt) entry.importedAt = review.importedAt
      entry.workIds.add(file.work.id)
      entry.found++
    }
  }
  let namesFound = 0
  const recovered: ImportRecord[] = [...seen].map(([id, entry]) => {
    const names = [...sources.fragmentNames]
      .filter(([recordId]) => recordId === id || recordId.startsWith(`${id}_`))
      .map(([, fileName]) => fileName)
    if (names.length > 0) namesFound++
    return {
      id,
      fileName: names.length > 0 ? names.join(', ') : `Recovered import ${id}`,
      // The format is not kept anywhere else; a restore's id says what it was.
      format: id.startsWith('rs_') ? 'review-curator-export' : 'generic-text',
      importedAt: entry.importedAt,
      workIds: [...entry.workIds].sort(),
      found: entry.found,
      declared: null,
      added: entry.found,
      updated: 0,
      unchanged: 0,
    }
  })
  recovered.sort((a, b) => a.importedAt.localeCompare(b.importedAt) || a.id.localeCompare(b.id))
  meta.imports.push(...recovered)

  const tagNames = new Set(meta.tags.map((t) => t.name.toLowerCase()))
  const created: Tag[] = []
  const addTag = (name: string | null) => {
    if (!name || tagNames.has(name.toLowerCase())) return
    tagNames.add(name.toLowerCase())
    const color = PALETTE[(meta.tags.length + created.length) % PALETTE.length]!
    created.push({ name, color })
  }
  for (const file of sources.curationFiles) {
    for (const item of Object.values(file.items)) {
      for (const tag of item.tags) addTag(tag)
      for (const highlight of item.highlights ?? []) addTag(highlight.tag)
    }
  }
  created.sort((a, b) => a.name.localeCompare(b.name))
  meta.tags.push(...created)
  return { importsAdded: recovered.length, tagsAdded: created.length, namesFound }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

/** What the user is told after library.json was rebuilt with nothing of it left to restore. */
export function rebuiltNotice(why: string, works: number, found: Reconciled): string {
  const unnamed = found.importsAdded - found.namesFound
  const lost = [
    found.tagsAdded > 0 ? `tag colours (the ${plural(found.tagsAdded, 'tag')} got new ones)` : '',
    'saved views',
    'export settings and presets',
    unnamed > 0
      ? `the file name of ${plural(unnamed, 'import')} (listed as "Recovered import …")`
      : '',
    found.importsAdded > 0
      ? "each import's format and its declared, updated and unchanged counts"
      : '',
  ].filter(Boolean)
  return (
    `${why}, so library.json was rebuilt from the review and curation files: ` +
    `${plural(works, 'work')}, ` +
    `${plural(found.importsAdded, 'import')} and ${plural(found.tagsAdded, 'tag')} recovered. ` +
    `Could not be recovered: ${lost.join('; ')}.`
  )
}

/** What the user is told when a restored backup of library.json lacked imports or tags. */
export function reconciledNotice(found: Reconciled): string | null {
  if (found.importsAdded === 0 && found.tagsAdded === 0) return null
  return (
    `The backup of library.json is older than the review and curation files: ` +
    `${plural(found.importsAdded, 'import')} and ${plural(found.tagsAdded, 'tag')} it did not list were added back ` +
    `from them (tags with new colours, imports without their format and counts).`
  )
}
