import type { Channel } from '../../shared/contract'
import { parseQuery } from '../../shared/query-language'
import type { ReviewQuery } from '../../shared/query'
import { CuratorError } from '../domain/errors'

// A staged open (openLibrary with `staged`) answers from the list cache while the review files are
// still being read: every review is there but its body is empty. Requests that read review text,
// or write reviews, wait here until the bodies are in; everything else (list queries without
// text, tags, views, collections, curation edits, history, layout, info) answers at once. This is
// the one place that decides which is which.

/**
 * Channels that always wait, and why: they read or show a review's text (the reader, highlights
 * anchored in it, quotes, exports), plan or write reviews against the stored ones (imports and
 * their undo, reparse), read the review files (check) or report what reading them found (the
 * opening notices name damaged files restored while the bodies were read).
 */
const ALWAYS: ReadonlySet<Channel> = new Set<Channel>([
  'reviews:get',
  'curation:highlight-add',
  'curation:highlight-remove',
  'export:count',
  'export:run',
  'export:save',
  'export:copy-quote',
  'import:preview',
  'import:reparse',
  'import:commit',
  'import:sample',
  'import:undo',
  'library:reparse-preview',
  'library:reparse-apply',
  'library:check',
  'library:opening-notices',
])

/** Whether a query needs the review text: a word or phrase to find (typed or in `text`). */
export function queryNeedsText(query: ReviewQuery | undefined): boolean {
  if (!query) return false
  if (query.text?.trim()) return true
  if (!query.q?.trim()) return false
  const parsed = parseQuery(query.q)
  // A query that does not parse is refused at once, bodies or not.
  return parsed.ok && parsed.clauses.some((c) => c.kind === 'text')
}

/** Whether `channel` with `request` (validated or not) must wait for the bodies. */
export function needsBodies(channel: unknown, request: unknown): boolean {
  if (typeof channel !== 'string') return false
  if (ALWAYS.has(channel as Channel)) return true
  if (channel !== 'reviews:query' && channel !== 'insights:get') return false
  const query = (request as { query?: ReviewQuery } | null | undefined)?.query
  return queryNeedsText(typeof query === 'object' && query !== null ? query : undefined)
}

/** What the gate needs of the library (the Library class satisfies it). */
export interface BodySource {
  readonly bodiesLoaded: boolean
  bodies(): Promise<void>
}

/**
 * Runs `run` once the bodies are in if the request needs them, else at once. When they could not
 * be read at all, a request that needs them is refused with the reason.
 */
export async function gateOnBodies<T>(
  source: BodySource,
  channel: unknown,
  request: unknown,
  run: () => Promise<T>,
): Promise<T> {
  if (source.bodiesLoaded === false && needsBodies(channel, request)) {
    await source.bodies().catch((e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e)
      throw new CuratorError('internal', `The review text could not be read: ${reason}`)
    })
  }
  return run()
}
