import type { FileImportReport, ImportReport } from '../../../shared/channels/import'
import type { Curation, ImportRecord, Review, Tag, Work } from '../../../shared/domain'
import { BadInputError } from '../errors'
import { isEmptyCuration, type Library } from '../library/library'
import { detectExport, parseJsonExport, parseJsonlExport, type RestorePlan } from './restore-parse'

// Importing our own JSON (or JSON Lines) export restores it: same review and work ids, the
// curation exactly as exported (updatedAt included), tags with their colours, the original
// import records. Into an empty library that reproduces the exported library; into a non-empty
// one nothing the user has is lost: existing reviews stay, curation is merged, never replaced.
// Curation is written with library.saveCuration rather than changeCuration because a restore
// must keep the exported updatedAt; the whole restore is still one undoable history step.

const RESTORED_TAG_COLOR = '#3d405b'

function mergeCuration(mine: Curation, theirs: Curation): Curation {
  const tags = [...mine.tags]
  const have = new Set(tags.map((t) => t.toLowerCase()))
  for (const t of theirs.tags) if (!have.has(t.toLowerCase())) tags.push(t)
  const ids = new Set(mine.highlights.map((h) => h.id))
  return {
    tags,
    note: mine.note ?? theirs.note,
    myRating: mine.myRating ?? theirs.myRating,
    kept: mine.kept || theirs.kept,
    highlights: [...mine.highlights, ...theirs.highlights.filter((h) => !ids.has(h.id))],
    bylineCorrection: mine.bylineCorrection ?? theirs.bylineCorrection,
    updatedAt: mine.updatedAt > theirs.updatedAt ? mine.updatedAt : theirs.updatedAt,
  }
}

interface Applied {
  works: { work: Work; before: Review[] | null; after: Review[] }[]
  before: Map<string, Curation>
  after: Map<string, Curation>
  tags: Tag[]
  imports: ImportRecord[]
  added: number
  unchanged: number
}

function plan(library: Library, p: RestorePlan): Applied {
  const worksById = new Map(p.works.map((w) => [w.id, w]))
  const byWork = new Map<string, Review[]>()
  for (const r of p.reviews) {
    if (!worksById.has(r.workId))
      throw new BadInputError(`review ${r.id} names work ${r.workId}, which the file does not list`)
    const list = byWork.get(r.workId) ?? []
    list.push(r)
    byWork.set(r.workId, list)
  }
  let added = 0
  let unchanged = 0
  const works: Applied['works'] = []
  for (const [workId, incoming] of byWork) {
    const existed = library.getWork(workId) !== undefined
    const before = existed ? library.reviewsOfWork(workId) : null
    const after = [...(before ?? [])]
    const known = new Set(after.map((r) => r.id))
    for (const r of incoming) {
      if (known.has(r.id)) unchanged++
      else {
        after.push(r)
        known.add(r.id)
        added++
      }
    }
    if (!existed || after.length !== before!.length) {
      works.push({
        work: existed ? library.getWork(workId)! : worksById.get(workId)!,
        before,
        after,
      })
    }
  }
  const before = new Map<string, Curation>()
  const after = new Map<string, Curation>()
  for (const [id, theirs] of p.curation) {
    if (isEmptyCuration(theirs)) continue
    const mine = library.getCuration(id)
    const next = isEmptyCuration(mine) ? theirs : mergeCuration(mine, theirs)
    if (JSON.stringify(next) === JSON.stringify(mine)) continue
    before.set(id, mine)
    after.set(id, next)
  }
  const tagNames = new Set(library.tags.map((t) => t.name.toLowerCase()))
  const tags: Tag[] = []
  const addTag = (tag: Tag) => {
    if (tagNames.has(tag.name.toLowerCase())) return
    tagNames.add(tag.name.toLowerCase())
    tags.push(tag)
  }
  for (const t of p.tags) addTag(t)
  for (const c of after.values())
    for (const name of c.tags) addTag({ name, color: RESTORED_TAG_COLOR })
  const importIds = new Set(library.imports.map((i) => i.id))
  const imports = p.imports.filter((i) => !importIds.has(i.id))
  return { works, before, after, tags, imports, added, unchanged }
}

/** One commit: the restore's reviews, curation, tags and records are saved together or not at all. */
async function apply(library: Library, a: Applied): Promise<void> {
  await library.commit({
    label: 'Restore an export',
    reviews: a.works.map((w) => ({ work: w.work, reviews: w.after })),
    curation: a.after,
    meta: (meta) => {
      meta.tags.push(...a.tags)
      meta.imports.push(...a.imports)
    },
  })
}

async function revert(library: Library, a: Applied): Promise<void> {
  // By name and id: library.json is a copy after each commit, so object identity is not kept.
  const tags = new Set(a.tags.map((t) => t.name))
  const imports = new Set(a.imports.map((i) => i.id))
  await library.commit({
    label: 'Undo a restore',
    reviews: [...a.works].reverse().map((w) => ({ work: w.work, reviews: w.before })),
    curation: a.before,
    meta: (meta) => {
      meta.tags = meta.tags.filter((t) => !tags.has(t.name))
      meta.imports = meta.imports.filter((i) => !imports.has(i.id))
    },
  })
}

function report(fileName: string, p: RestorePlan, a: Applied, importId: string): FileImportReport {
  return {
    fileName,
    recordId: importId,
    format: 'review-curator-export',
    encoding: 'utf-8',
    generic: false,
    works: p.works.map((w) => ({ title: w.title, year: w.year })),
    found: p.reviews.length,
    declared: p.reviews.length,
    incomplete: false,
    added: a.added,
    updated: a.after.size,
    unchanged: a.unchanged,
    ambiguousBylines: [],
    ambiguousCount: 0,
    warnings: [],
    warningCount: 0,
    fragments: [],
    fragmentCount: 0,
  }
}

/**
 * If every input is one of our exports, restores them as one undoable step and returns the
 * report; returns null when none is (the importer then parses them as usual).
 */
export async function restoreIfExport(
  library: Library,
  inputs: { fileName: string; bytes: Uint8Array }[],
): Promise<ImportReport | null> {
  const decoder = new TextDecoder('utf-8')
  return restoreIfExportText(
    library,
    inputs.map(({ fileName, bytes }) => ({ fileName, text: decoder.decode(bytes) })),
  )
}

/** The same, for files already decoded (the import preview holds them as text). */
export async function restoreIfExportText(
  library: Library,
  inputs: { fileName: string; text: string }[],
): Promise<ImportReport | null> {
  const texts = inputs.map(({ fileName, text }) => ({ fileName, text, kind: detectExport(text) }))
  const ours = texts.filter((t) => t.kind !== null)
  if (ours.length === 0) return null
  if (ours.length !== texts.length) {
    throw new BadInputError(
      `${ours[0]!.fileName} is a Review Curator export; import it on its own, apart from ${texts.find((t) => !t.kind)!.fileName}`,
    )
  }
  // Everything is parsed and checked before the first write.
  const plans = ours.map((t) => ({
    fileName: t.fileName,
    plan:
      t.kind === 'json'
        ? parseJsonExport(t.fileName, t.text)
        : parseJsonlExport(t.fileName, t.text),
  }))
  const importId = `rs_${library.now().toISOString().replace(/\D/g, '')}`
  const files: FileImportReport[] = []
  const steps: Applied[] = []
  try {
    for (const { fileName, plan: p } of plans) {
      const a = plan(library, p)
      await apply(library, a)
      steps.push(a)
      files.push(report(fileName, p, a, importId))
    }
  } catch (e) {
    // A later file that fails takes the earlier ones back out: all or nothing.
    for (const a of [...steps].reverse()) await revert(library, a)
    throw e
  }
  library.history.record({
    label: `Restore ${plans.map((p) => p.fileName).join(', ')}`,
    kind: 'import',
    undo: async () => {
      for (const a of [...steps].reverse()) await revert(library, a)
    },
    redo: async () => {
      for (const a of steps) await apply(library, a)
    },
  })
  return { importId, files }
}
