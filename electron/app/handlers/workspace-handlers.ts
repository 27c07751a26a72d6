import type { Channel } from '../../../shared/contract'
import type { Library } from '../../domain/library/library'
import {
  addHighlight,
  removeHighlight,
  setBylineCorrection,
  setKept,
  toggleTag,
} from '../curation/curation-extras'
import { addTags, removeTags, setMyRating, setNote } from '../curation/curation-service'
import { resolveTargets } from '../curation/curation-targets'
import { computeInsights } from '../../domain/queries/insights-service'
import { createTag, deleteTag, mergeTags, recolorTag, renameTag } from '../curation/tag-service'
import { deleteView, listViews, renameView, saveView } from '../curation/view-service'
import type { Handlers } from '../dispatch'

type WorkspaceChannel = Extract<
  Channel,
  `curation:${string}` | `tags:${string}` | `views:${string}` | `insights:${string}`
>

/** The curation workspace's channels: curation (single and bulk), tags, saved views, insights. */
export function workspaceHandlers(library: Library): Pick<Handlers, WorkspaceChannel> {
  const curation = <T>(work: Promise<T>): Promise<T> => work
  return {
    'curation:tag': ({ tags, ...t }) =>
      curation(addTags(library, resolveTargets(library, t), tags)),
    'curation:untag': ({ tags, ...t }) =>
      curation(removeTags(library, resolveTargets(library, t), tags)),
    'curation:toggle-tag': ({ tag, ...t }) =>
      curation(toggleTag(library, resolveTargets(library, t), tag)),
    'curation:rate': ({ rating, ...t }) =>
      curation(setMyRating(library, resolveTargets(library, t), rating)),
    'curation:keep': ({ kept, ...t }) =>
      curation(setKept(library, resolveTargets(library, t), kept)),
    'curation:note': ({ id, note }) => curation(setNote(library, id, note)),
    'curation:highlight-add': ({ id, ...h }) => curation(addHighlight(library, id, h)),
    'curation:highlight-remove': ({ id, highlightId }) =>
      curation(removeHighlight(library, id, highlightId)),
    'curation:byline': ({ id, correction }) =>
      curation(setBylineCorrection(library, id, correction)),
    'tags:create': ({ name, color }) => curation(createTag(library, name, color)),
    'tags:rename': ({ from, to }) => curation(renameTag(library, from, to)),
    'tags:recolor': ({ name, color }) => curation(recolorTag(library, name, color)),
    'tags:merge': ({ from, into }) => curation(mergeTags(library, from, into)),
    'tags:delete': ({ name }) => curation(deleteTag(library, name)),
    'views:list': () => listViews(library),
    'views:save': ({ name, query }) => curation(saveView(library, name, query)),
    'views:rename': ({ id, name }) => curation(renameView(library, id, name)),
    'views:delete': ({ id }) => curation(deleteView(library, id)),
    'insights:get': ({ query }) => computeInsights(library, query),
  }
}
