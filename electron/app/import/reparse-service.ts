import type { ReparseDiff } from '../../../shared/channels/library'
import { planReparse, type ReparseWork } from '../../domain/import/reparse'
import type { Library } from '../../domain/library/library'

// Re-parse as one undoable step, for the window and the CLI alike: the plan is made afresh when
// applying (never from a preview that the library may have outgrown), and committed as one change
// to every work it touches. Curation is keyed by review id, so it is not written at all.

const commitWorks = (
  library: Library,
  label: string,
  works: ReparseWork[],
  side: 'before' | 'after',
) =>
  library.commit({
    label,
    reviews: works.map((w) => ({ work: w.work, reviews: w[side] })),
  })

/** What re-parsing the kept sources (of one import, or all) would change; writes nothing. */
export async function previewReparse(library: Library, importId?: string): Promise<ReparseDiff> {
  return (await planReparse(library, importId)).diff
}

/** Applies the re-parse as one history step; `applied` is null when there was nothing to change. */
export async function applyReparse(library: Library, importId?: string): Promise<ReparseDiff> {
  const { diff, works } = await planReparse(library, importId)
  if (works.length === 0) return diff
  const label = importId ? `Re-parse import ${importId}` : 'Re-parse imports'
  await commitWorks(library, label, works, 'after')
  library.history.record({
    label,
    kind: 'import',
    undo: () => commitWorks(library, `Undo ${label.toLowerCase()}`, works, 'before'),
    redo: () => commitWorks(library, label, works, 'after'),
  })
  return { ...diff, applied: label }
}
