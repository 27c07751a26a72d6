import type { ImportReport, UndoImportResult } from '../../../shared/channels/import'
import { BadInputError, NotFoundError } from '../../domain/errors'
import { fragmentsRemoval, fragmentsWrite } from '../../domain/import/fragments-file'
import type { ImportChange, ImportPlan } from '../../domain/import/import-change'
import { sourcesRemoval } from '../../domain/import/kept-sources'
import type { ParsedFile, WorkChange } from '../../domain/import/merge'
import { planImportSteps } from '../../domain/import/plan-import'
import { runInSlices } from '../../domain/import/run-steps'
import { isEmptyCuration, type Library } from '../../domain/library/library'

// The apply step of the import pipeline, and its undo. Every import — a file, a paste, the
// sample, the CLI, the restore of our own export — is planned, then applied here as one history
// step that knows how to revert itself. Undo goes through the session history when the import is
// the newest change (so Redo works); an older import is reverted directly, but only when nothing
// since has rewritten its works or curated what it added.

interface Applied {
  plan: ImportPlan
  applied: boolean
  historyId: number | null
}

const registries = new WeakMap<Library, Map<string, Applied>>()

function registry(library: Library): Map<string, Applied> {
  let map = registries.get(library)
  if (!map) registries.set(library, (map = new Map()))
  return map
}

/** Writes the whole import as one commit: reviews, fragments, records, tags, curation — or none. */
async function applyChange(library: Library, change: ImportChange, label: string): Promise<void> {
  await library.commit({
    label,
    reviews: change.works.map((w) => ({ work: w.work, reviews: w.after })),
    curation: change.curationAfter,
    meta: (meta) => {
      meta.tags.push(...change.tags)
      meta.imports.push(...change.records)
      meta.collections = meta.collections.map((c) => {
        const adds = change.collectionAdds.get(c.id)
        return adds ? { ...c, reviewIds: [...c.reviewIds, ...adds] } : c
      })
      meta.collections.push(...structuredClone(change.collections))
    },
    extra: [
      ...change.fragments.flatMap((f) => fragmentsWrite(f.recordId, f.fileName, f.fragments)),
      ...change.kept,
    ],
  })
}

async function revertChange(library: Library, change: ImportChange, label: string): Promise<void> {
  // By name and id: library.json is a copy after each commit, so object identity is not kept.
  const tags = new Set(change.tags.map((t) => t.name))
  const records = new Set(change.records.map((r) => r.id))
  await library.commit({
    label: `Undo ${label}`,
    reviews: [...change.works].reverse().map((w) => ({ work: w.work, reviews: w.before })),
    curation: change.curationBefore,
    meta: (meta) => {
      meta.tags = meta.tags.filter((t) => !tags.has(t.name))
      meta.imports = meta.imports.filter((r) => !records.has(r.id))
      const added = new Set(change.collections.map((c) => c.id))
      meta.collections = meta.collections
        .filter((c) => !added.has(c.id))
        .map((c) => {
          const adds = new Set(change.collectionAdds.get(c.id) ?? [])
          return adds.size ? { ...c, reviewIds: c.reviewIds.filter((id) => !adds.has(id)) } : c
        })
    },
    extra: [
      ...change.fragments.map((f) => fragmentsRemoval(f.recordId)),
      ...sourcesRemoval(change.kept),
    ],
  })
}

async function apply(library: Library, imp: Applied): Promise<void> {
  await applyChange(library, imp.plan.change, imp.plan.label)
  imp.applied = true
}

async function revert(library: Library, imp: Applied): Promise<void> {
  await revertChange(library, imp.plan.change, imp.plan.label)
  imp.applied = false
}

function newestDoneId(library: Library): number | null {
  return library.history.entries(Number.MAX_SAFE_INTEGER).find((e) => !e.undone)?.id ?? null
}

/**
 * The one function every import passes through, whatever its entry: plan (in time slices, so
 * a huge import keeps main responsive), apply, record one undoable step. Nothing is written until
 * the plan is complete, so a bad file or a cancel leaves the library untouched.
 */
export async function commitImport(library: Library, files: ParsedFile[]): Promise<ImportReport> {
  const plan = await runInSlices(planImportSteps(library, files))
  const imp: Applied = { plan, applied: false, historyId: null }
  await apply(library, imp)
  library.history.record({
    label: plan.label,
    kind: 'import',
    undo: async () => {
      if (imp.applied) await revert(library, imp)
    },
    redo: async () => {
      if (!imp.applied) await apply(library, imp)
    },
  })
  // The step just recorded is the newest not-undone entry: that is its id.
  imp.historyId = newestDoneId(library)
  registry(library).set(plan.importId, imp)
  return { importId: plan.importId, files: plan.files }
}

/** Why an older import cannot be reverted on its own, or null when it can. */
function undoConflict(library: Library, change: ImportChange): string | null {
  const last = new Map<string, WorkChange>()
  for (const w of change.works) last.set(w.work.id, w)
  const rewritten = [...last.values()].filter((c) => library.reviewsOfWork(c.work.id) !== c.after)
  if (rewritten.length > 0) {
    const names = rewritten.map((c) => c.work.title).join(', ')
    return `a later import changed the reviews of ${names}; undo that import first`
  }
  const curated = change.works
    .flatMap((c) => c.added)
    .filter((id) => {
      const now = library.getCuration(id)
      const restored = change.curationAfter.get(id)
      return !isEmptyCuration(now) && JSON.stringify(now) !== JSON.stringify(restored)
    })
  if (curated.length > 0) {
    return `you have since tagged, noted, rated or highlighted ${curated.length} of the reviews it added; undoing it would orphan that work (undo those changes first, or keep the import)`
  }
  return null
}

export async function undoImport(library: Library, importId: string): Promise<UndoImportResult> {
  const imp = registry(library).get(importId)
  if (!imp) {
    throw new NotFoundError(
      `Import ${importId} cannot be undone: imports can be undone until the library is closed`,
    )
  }
  const { label } = imp.plan
  if (!imp.applied) throw new BadInputError(`${label} is already undone`)
  if (imp.historyId !== null && newestDoneId(library) === imp.historyId) {
    await library.history.undo()
    return { via: 'history', label }
  }
  const conflict = undoConflict(library, imp.plan.change)
  if (conflict) throw new BadInputError(`${label} cannot be undone: ${conflict}`)
  await revert(library, imp)
  library.history.record({
    label: `Undo ${label.charAt(0).toLowerCase()}${label.slice(1)}`,
    kind: 'import',
    undo: async () => {
      if (!imp.applied) await apply(library, imp)
    },
    redo: async () => {
      if (imp.applied) await revert(library, imp)
    },
  })
  return { via: 'direct', label }
}
