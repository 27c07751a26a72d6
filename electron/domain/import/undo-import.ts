import type { ImportRecord, UnparsedFragment } from '../../../shared/domain'
import type { UndoImportResult } from '../../../shared/channels/import'
import { BadInputError, NotFoundError } from '../errors'
import { isEmptyCuration, type Library } from '../library/library'
import { fragmentsRemoval, fragmentsWrite } from './fragments-file'
import type { WorkChange } from './merge'

// Every import is one step that knows how to apply and revert itself. Undo goes through the
// session history when the import is the newest change (so Redo works); an older import is
// reverted directly, but only when nothing since has rewritten its works or curated what it added.

export interface AppliedImport {
  importId: string
  label: string
  records: ImportRecord[]
  changes: WorkChange[]
  fragments: { recordId: string; fileName: string; fragments: UnparsedFragment[] }[]
  applied: boolean
  historyId: number | null
  /** Recorded by another service (a restore): history alone can undo it. */
  external?: boolean
}

const registries = new WeakMap<Library, Map<string, AppliedImport>>()

function registry(library: Library): Map<string, AppliedImport> {
  let map = registries.get(library)
  if (!map) registries.set(library, (map = new Map()))
  return map
}

/** Writes the whole import as one commit: its reviews, fragments and records, or none of them. */
export async function applyImport(library: Library, imp: AppliedImport): Promise<void> {
  await library.commit({
    label: imp.label,
    reviews: imp.changes.map((c) => ({ work: c.work, reviews: c.after })),
    extra: imp.fragments.flatMap((f) => fragmentsWrite(f.recordId, f.fileName, f.fragments)),
    meta: (meta) => void meta.imports.push(...imp.records),
  })
  imp.applied = true
}

export async function revertImport(library: Library, imp: AppliedImport): Promise<void> {
  const ids = new Set(imp.records.map((r) => r.id))
  await library.commit({
    label: `Undo ${imp.label}`,
    // Newest change first, so each work ends as it was before its first change.
    reviews: [...imp.changes].reverse().map((c) => ({ work: c.work, reviews: c.before })),
    extra: imp.fragments.map((f) => fragmentsRemoval(f.recordId)),
    meta: (meta) => {
      meta.imports = meta.imports.filter((r) => !ids.has(r.id))
    },
  })
  imp.applied = false
}

/** Records the (already applied) import as one history step and remembers it for import:undo. */
export function registerImport(library: Library, imp: AppliedImport): void {
  library.history.record({
    label: imp.label,
    kind: 'import',
    undo: async () => {
      if (imp.applied) await revertImport(library, imp)
    },
    redo: async () => {
      if (!imp.applied) await applyImport(library, imp)
    },
  })
  // The step just recorded is the newest not-undone entry: that is its id.
  imp.historyId = newestDoneId(library)
  registry(library).set(imp.importId, imp)
}

function newestDoneId(library: Library): number | null {
  return library.history.entries(Number.MAX_SAFE_INTEGER).find((e) => !e.undone)?.id ?? null
}

/**
 * A step someone else recorded (restoring our own export writes curation too): it can be undone
 * from its report while it is the newest change, through history.
 */
export function registerHistoryStep(library: Library, importId: string, label: string): void {
  const historyId = newestDoneId(library)
  const step: AppliedImport = {
    importId,
    label,
    records: [],
    changes: [],
    fragments: [],
    applied: true,
    historyId,
    external: true,
  }
  registry(library).set(importId, step)
}

/** A step recorded elsewhere: history alone knows whether it is applied, and only undoes the newest. */
async function undoHistoryStep(library: Library, imp: AppliedImport): Promise<UndoImportResult> {
  const entry = library.history.entries(Number.MAX_SAFE_INTEGER).find((e) => e.id === imp.historyId)
  if (!entry || entry.undone) throw new BadInputError(`${imp.label} is already undone`)
  if (newestDoneId(library) !== imp.historyId) {
    throw new BadInputError(
      `${imp.label} can only be undone while it is the newest change: undo the later changes first (Edit → Undo)`,
    )
  }
  await library.history.undo()
  return { via: 'history', label: imp.label }
}

/** Why an older import cannot be reverted on its own, or null when it can. */
export function undoConflict(library: Library, imp: AppliedImport): string | null {
  const last = new Map<string, WorkChange>()
  for (const change of imp.changes) last.set(change.work.id, change)
  const rewritten = [...last.values()].filter((c) => library.reviewsOfWork(c.work.id) !== c.after)
  if (rewritten.length > 0) {
    const names = rewritten.map((c) => c.work.title).join(', ')
    return `a later import changed the reviews of ${names}; undo that import first`
  }
  const curated = imp.changes
    .flatMap((c) => c.added)
    .filter((id) => !isEmptyCuration(library.getCuration(id)))
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
  if (imp.external) return undoHistoryStep(library, imp)
  if (!imp.applied) throw new BadInputError(`${imp.label} is already undone`)
  if (imp.historyId !== null && newestDoneId(library) === imp.historyId) {
    await library.history.undo()
    return { via: 'history', label: imp.label }
  }
  const conflict = undoConflict(library, imp)
  if (conflict) throw new BadInputError(`${imp.label} cannot be undone: ${conflict}`)
  await revertImport(library, imp)
  library.history.record({
    label: `Undo ${imp.label.charAt(0).toLowerCase()}${imp.label.slice(1)}`,
    kind: 'import',
    undo: async () => {
      if (!imp.applied) await applyImport(library, imp)
    },
    redo: async () => {
      if (imp.applied) await revertImport(library, imp)
    },
  })
  return { via: 'direct', label: imp.label }
}
