import type { SavedView, SavedViewSummary } from '../../../shared/channels/views'
import type { ReviewQuery } from '../../../shared/query'
import { NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import { queryReviews } from '../../domain/queries/query-service'

// Saved views live in library.json next to the tags. Saving, renaming and deleting are undoable
// (kind 'views') because a view can hold a carefully built query.

async function replaceViews(library: Library, views: SavedView[], label: string): Promise<void> {
  const before = library.views.map((v) => ({ ...v }))
  const after = views.map((v) => ({ ...v }))
  await library.saveMeta((meta) => void (meta.views = after))
  library.history.record({
    label,
    kind: 'views',
    undo: () => library.saveMeta((meta) => void (meta.views = before.map((v) => ({ ...v })))),
    redo: () => library.saveMeta((meta) => void (meta.views = after.map((v) => ({ ...v })))),
  })
}

function nextId(library: Library): string {
  const used = new Set(library.views.map((v) => v.id))
  let n = library.views.length + 1
  while (used.has(`vw_${n}`)) n++
  return `vw_${n}`
}

export function listViews(library: Library): SavedViewSummary[] {
  return library.views.map((view) => {
    try {
      return { ...view, count: queryReviews(library, view.query, 0, 1).total }
    } catch {
      // A view saved with a query a later version refuses still shows, with no matches.
      return { ...view, count: 0 }
    }
  })
}

/** Saves under `name`; an existing view of that name (any case) is replaced in place. */
export async function saveView(
  library: Library,
  name: string,
  query: ReviewQuery,
): Promise<SavedView> {
  const clean = name.trim()
  const existing = library.views.find((v) => v.name.toLowerCase() === clean.toLowerCase())
  const view: SavedView = {
    id: existing?.id ?? nextId(library),
    name: clean,
    query,
    createdAt: existing?.createdAt ?? library.now().toISOString(),
  }
  const views = existing
    ? library.views.map((v) => (v.id === existing.id ? view : v))
    : [...library.views, view]
  await replaceViews(library, views, `${existing ? 'Update' : 'Save'} view ${clean}`)
  return view
}

function findView(library: Library, id: string): SavedView {
  const view = library.views.find((v) => v.id === id)
  if (!view) throw new NotFoundError(`There is no saved view ${id}`)
  return view
}

export async function renameView(library: Library, id: string, name: string): Promise<SavedView> {
  const view = findView(library, id)
  const renamed = { ...view, name: name.trim() }
  await replaceViews(
    library,
    library.views
      .filter((v) => v.name.toLowerCase() !== renamed.name.toLowerCase() || v.id === id)
      .map((v) => (v.id === id ? renamed : v)),
    `Rename view ${view.name} to ${renamed.name}`,
  )
  return renamed
}

export async function deleteView(library: Library, id: string): Promise<{ deleted: boolean }> {
  const view = findView(library, id)
  await replaceViews(
    library,
    library.views.filter((v) => v.id !== id),
    `Delete view ${view.name}`,
  )
  return { deleted: true }
}
