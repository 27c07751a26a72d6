import type { Channel } from '../../shared/contract'
import { parseQuery } from '../../shared/query-language'
import type { ReviewQuery } from '../../shared/query'
import { CuratorError } from '../domain/errors'

// A staged open (openLibrary with `staged`) answers from the list cache while the review files are
// still being read: every review is there but its body is empty. Requests that read review text,
// or write reviews, wait here until the bodies are in; everything else (list queries without
// text, tags, views, collections, curation edits not aimed by a text query, history, layout, info)
// answers at once. This is the one place that decides which is which. A text query the search
// index answers exactly without the text goes ahead too (a list's rows come without snippets
// until the text is in).

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

/**
 * The query a request carries: a list, insights, or a bulk edit by query (select all + tag). An
 * edit's targets are that query's matches, so it waits for the text exactly as the list would:
 * run against empty bodies it would miss the reviews a phrase of rare words finds.
 */
function requestQuery(request: unknown): ReviewQuery | null {
  const query = (request as { query?: unknown } | null | undefined)?.query
  return typeof query === 'object' && query !== null ? (query as ReviewQuery) : null
}

/** Whether `channel` with `request` (validated or not) must wait for the bodies. */
export function needsBodies(channel: unknown, request: unknown): boolean {
  if (typeof channel !== 'string') return false
  if (ALWAYS.has(channel as Channel)) return true
  return queryNeedsText(requestQuery(request) ?? undefined)
}

/** What the gate needs of the library (the Library class satisfies it). */
export interface BodySource {
  readonly bodiesLoaded: boolean
  bodies(): Promise<void>
}

/** What the gate needs of the search engine (the SearchEngine class satisfies it). */
export interface IndexSource {
  /** Whether the query's answer is exact without any review's text (no snippets, though). */
  answersWithoutText(query: ReviewQuery): boolean
  /** Settles once the index cache file was restored, or found missing or stale. */
  readonly restoreTried: Promise<void>
}

/**
 * Whether a text query can go ahead before the text is in: the index answers it exactly, now or
 * once its cache file is restored, if that comes before the text. A phrase of rare words (its
 * candidates' text must say) or an index that is missing or stale leaves it to wait for the text.
 */
async function indexAnswersFirst(
  source: BodySource,
  engine: IndexSource,
  query: ReviewQuery,
): Promise<boolean> {
  if (engine.answersWithoutText(query)) return true
  await Promise.race([engine.restoreTried, source.bodies().catch(() => undefined)])
  return source.bodiesLoaded === false && engine.answersWithoutText(query)
}

/**
 * Runs `run` once the bodies are in if the request needs them, else at once; a request whose
 * query the index answers exactly (`index`, asked only then) runs without them. When they could
 * not be read at all, a request that needs them is refused with the reason.
 */
export async function gateOnBodies<T>(
  source: BodySource,
  channel: unknown,
  request: unknown,
  run: () => Promise<T>,
  index?: () => IndexSource,
): Promise<T> {
  if (source.bodiesLoaded === false && needsBodies(channel, request)) {
    const query = ALWAYS.has(channel as Channel) ? null : requestQuery(request)
    if (index && query && (await indexAnswersFirst(source, index(), query))) return run()
    await source.bodies().catch((e: unknown) => {
      const reason = e instanceof Error ? e.message : String(e)
      throw new CuratorError('internal', `The review text could not be read: ${reason}`)
    })
  }
  return run()
}
