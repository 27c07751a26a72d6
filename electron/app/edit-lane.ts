import type { Channel } from '../../shared/contract'

// The window shows an edit before main has committed it (renderer/src/data/anticipate.ts), so the
// user can press Undo while that edit is still being written. History records a step only once
// its commit is done: an undo that started meanwhile would undo the step before it. Requests that
// change the library or its history therefore run one after another, each to its end.

// Every channel is listed, so a new one cannot compile until someone decides whether it writes.
// `true`: it commits to the library (and so may record a history step) or moves the history.
const ORDERED: Record<Channel, boolean> = {
  'app:open-external': false,
  'collections:add': true,
  'collections:create': true,
  'collections:delete': true,
  'collections:list': false,
  'collections:move': true,
  'collections:remove': true,
  'collections:rename': true,
  'curation:byline': true,
  'curation:highlight-add': true,
  'curation:highlight-remove': true,
  'curation:keep': true,
  'curation:note': true,
  'curation:rate': true,
  'curation:reviewed': true,
  'curation:tag': true,
  'curation:toggle-tag': true,
  'curation:untag': true,
  // Exports read (and may wait on a save dialog): they must never hold edits back.
  'export:cancel': false,
  'export:copy-quote': false,
  'export:count': false,
  'export:prefs': false,
  'export:preset-delete': true,
  'export:preset-save': true,
  'export:run': false,
  'export:save': false,
  'history:list': false,
  'history:redo': true,
  'history:undo': true,
  'import:cancel': false,
  'import:commit': true,
  'import:fragments': false,
  // Previews parse without writing, and may take seconds.
  'import:preview': false,
  'import:reparse': false,
  'import:sample': true,
  'import:undo': true,
  'insights:get': false,
  'layout:get': false,
  'layout:set': true,
  'library:check': true,
  'library:info': false,
  'library:opening-notices': false,
  'library:reparse-apply': true,
  'library:reparse-preview': false,
  'reviews:get': false,
  'reviews:query': false,
  'tags:create': true,
  'tags:delete': true,
  'tags:merge': true,
  'tags:recolor': true,
  'tags:rename': true,
  'tags:set-key': true,
  'views:delete': true,
  'views:list': false,
  'views:rename': true,
  'views:save': true,
}

/** Whether a request changes the library or its history (and so waits for the one before). */
export const isOrdered = (channel: unknown): channel is Channel =>
  typeof channel === 'string' && Object.hasOwn(ORDERED, channel) && ORDERED[channel as Channel]

/** Runs each job after the previous one settled, whatever its outcome. */
export function editLane(): <T>(job: () => Promise<T>) => Promise<T> {
  let last: Promise<unknown> = Promise.resolve()
  return (job) => {
    const run = last.then(job, job)
    last = run.catch(() => undefined)
    return run
  }
}
