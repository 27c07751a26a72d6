import type { SavedView } from '../../../shared/channels/views'
import { NotFoundError } from '../../domain/errors'
import type { Library } from '../../domain/library/library'
import type { Command, Planned } from './command'

// Saved views live in library.json next to the tags. Saving, renaming and deleting are undoable
// because a view can hold a carefully built query.

function nextId(library: Library): string {
  const used = new Set(library.views.map((v) => v.id))
  let n = library.views.length + 1
  while (used.has(`vw_${n}`)) n++
  return `vw_${n}`
}

function findView(library: Library, id: string): SavedView {
  const view = library.views.find((v) => v.id === id)
  if (!view) throw new NotFoundError(`There is no saved view ${id}`)
  return view
}

const viewsEdit = <R>(views: SavedView[], label: string, result: R): Planned<R> => ({
  patch: { views },
  label,
  result: () => result,
})

export const viewCommands = {
  /** Saves under `name`; an existing view of that name (any case) is replaced in place. */
  'views:save': {
    kind: 'views',
    plan: (library, { name, query }) => {
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
      return viewsEdit(views, `${existing ? 'Update' : 'Save'} view ${clean}`, view)
    },
  } satisfies Command<'views:save'>,

  'views:rename': {
    kind: 'views',
    plan: (library, { id, name }) => {
      const view = findView(library, id)
      const renamed = { ...view, name: name.trim() }
      const views = library.views
        .filter((v) => v.name.toLowerCase() !== renamed.name.toLowerCase() || v.id === id)
        .map((v) => (v.id === id ? renamed : v))
      return viewsEdit(views, `Rename view ${view.name} to ${renamed.name}`, renamed)
    },
  } satisfies Command<'views:rename'>,

  'views:delete': {
    kind: 'views',
    plan: (library, { id }) => {
      const view = findView(library, id)
      const views = library.views.filter((v) => v.id !== id)
      return viewsEdit(views, `Delete view ${view.name}`, { deleted: true })
    },
  } satisfies Command<'views:delete'>,
}
