import type { Req } from '../../../shared/contract'
import { invoke } from '../api'

// The commands a user gives the library. None of them refreshes anything: main sends one
// `library:changed` after each commit and LibraryProvider patches what it names.

export const curationActions = {
  tag: (req: Req<'curation:tag'>) => invoke('curation:tag', req),
  untag: (req: Req<'curation:untag'>) => invoke('curation:untag', req),
  toggleTag: (req: Req<'curation:toggle-tag'>) => invoke('curation:toggle-tag', req),
  rate: (req: Req<'curation:rate'>) => invoke('curation:rate', req),
  keep: (req: Req<'curation:keep'>) => invoke('curation:keep', req),
  reviewed: (req: Req<'curation:reviewed'>) => invoke('curation:reviewed', req),
  note: (req: Req<'curation:note'>) => invoke('curation:note', req),
  byline: (req: Req<'curation:byline'>) => invoke('curation:byline', req),
  addHighlight: (req: Req<'curation:highlight-add'>) => invoke('curation:highlight-add', req),
  removeHighlight: (req: Req<'curation:highlight-remove'>) =>
    invoke('curation:highlight-remove', req),
} as const

export const tagActions = {
  create: (req: Req<'tags:create'>) => invoke('tags:create', req),
  rename: (req: Req<'tags:rename'>) => invoke('tags:rename', req),
  recolor: (req: Req<'tags:recolor'>) => invoke('tags:recolor', req),
  merge: (req: Req<'tags:merge'>) => invoke('tags:merge', req),
  remove: (req: Req<'tags:delete'>) => invoke('tags:delete', req),
  setKey: (req: Req<'tags:set-key'>) => invoke('tags:set-key', req),
} as const

export const viewActions = {
  save: (req: Req<'views:save'>) => invoke('views:save', req),
  remove: (req: Req<'views:delete'>) => invoke('views:delete', req),
} as const

export const collectionActions = {
  create: (req: Req<'collections:create'>) => invoke('collections:create', req),
  rename: (req: Req<'collections:rename'>) => invoke('collections:rename', req),
  remove: (req: Req<'collections:delete'>) => invoke('collections:delete', req),
  add: (req: Req<'collections:add'>) => invoke('collections:add', req),
  removeReviews: (req: Req<'collections:remove'>) => invoke('collections:remove', req),
  move: (req: Req<'collections:move'>) => invoke('collections:move', req),
} as const

export const historyActions = {
  undo: () => invoke('history:undo', {}),
  redo: () => invoke('history:redo', {}),
} as const

/** Links in notes open in the system browser; main allows only https URLs. */
export const openExternal = (url: string) => invoke('app:open-external', { url })
