import type { BylineSplit } from '../../../shared/domain'
import type { ReviewQuery } from '../../../shared/query'
import type { Library } from '../../domain/library/library'
import { runCommand } from './command'

// Typed shortcuts for the CLI, tests and benchmarks: each is one command through the one runner,
// validated against the same schema as a request from the window.

type Ids = string[]

export const addTags = (library: Library, ids: Ids, tags: string[]) =>
  runCommand(library, 'curation:tag', { ids, tags })
export const removeTags = (library: Library, ids: Ids, tags: string[]) =>
  runCommand(library, 'curation:untag', { ids, tags })
export const toggleTag = (library: Library, ids: Ids, tag: string) =>
  runCommand(library, 'curation:toggle-tag', { ids, tag })
export const setMyRating = (library: Library, ids: Ids, rating: number | null) =>
  runCommand(library, 'curation:rate', { ids, rating })
export const setKept = (library: Library, ids: Ids, kept: boolean) =>
  runCommand(library, 'curation:keep', { ids, kept })
export const setReviewed = (library: Library, ids: Ids, reviewed: boolean) =>
  runCommand(library, 'curation:reviewed', { ids, reviewed })
export const setNote = (library: Library, id: string, note: string | null) =>
  runCommand(library, 'curation:note', { id, note })
export const addHighlight = (
  library: Library,
  id: string,
  h: { start: number; end: number; quote: string; tag?: string | null; comment?: string | null },
) => runCommand(library, 'curation:highlight-add', { id, ...h })
export const removeHighlight = (library: Library, id: string, highlightId: string) =>
  runCommand(library, 'curation:highlight-remove', { id, highlightId })
export const setBylineCorrection = (library: Library, id: string, correction: BylineSplit | null) =>
  runCommand(library, 'curation:byline', { id, correction })
export const createTag = (library: Library, name: string, color?: string) =>
  runCommand(library, 'tags:create', { name, color })
export const renameTag = (library: Library, from: string, to: string) =>
  runCommand(library, 'tags:rename', { from, to })
export const recolorTag = (library: Library, name: string, color: string) =>
  runCommand(library, 'tags:recolor', { name, color })
export const mergeTags = (library: Library, from: string, into: string) =>
  runCommand(library, 'tags:merge', { from, into })
export const deleteTag = (library: Library, name: string) =>
  runCommand(library, 'tags:delete', { name })
export const saveView = (library: Library, name: string, query: ReviewQuery) =>
  runCommand(library, 'views:save', { name, query })
export const renameView = (library: Library, id: string, name: string) =>
  runCommand(library, 'views:rename', { id, name })
export const deleteView = (library: Library, id: string) =>
  runCommand(library, 'views:delete', { id })
export const createCollection = (library: Library, name: string, ids?: Ids) =>
  runCommand(library, 'collections:create', { name, ids })
export const addToCollection = (library: Library, id: string, ids: Ids) =>
  runCommand(library, 'collections:add', { id, ids })
export const moveInCollection = (library: Library, id: string, reviewId: string, to: number) =>
  runCommand(library, 'collections:move', { id, reviewId, to })
export const setTagKey = (library: Library, name: string, key: number | null) =>
  runCommand(library, 'tags:set-key', { name, key })
