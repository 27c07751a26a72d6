import type { ExportFields } from '../../../shared/channels/export'
import type { Collection } from '../../../shared/channels/collections'
import type { BylineSplit, Curation, Helpful, Work } from '../../../shared/domain'
import { CompleteCuration } from '../../../shared/records/curation'
import type { Match } from '../queries/query-service'
import { tagsOf, worksOf, type ExportContext, type FormatWriter } from './export-context'
import { jsonNullableString, jsonNumber, jsonString, jsonStrings } from './json-text'

// The JSON export, version 2: documented by shared/schemas/review-curator-export.schema.json.
// Version 1 (the core loop's) held only `query` and `reviews`; version 2 adds the works, the
// tags with colours, the import provenance and the full curation, so it doubles as a backup.

export const EXPORT_SCHEMA = 'review-curator-export'
export const EXPORT_VERSION = 2

const identity = ({ review }: Match, work: Work) => ({
  id: review.id,
  workId: review.workId,
  work: { title: work.title, year: work.year },
  title: review.title,
  author: review.author,
  date: review.date,
})

const original = ({ review }: Match) => ({
  rating: review.rating,
  bylineRaw: review.bylineRaw,
  bylineAmbiguous: review.bylineAmbiguous,
  bylineAlternatives: review.bylineAlternatives,
  spoiler: review.spoiler,
  helpful: review.helpful,
  body: review.body,
  truncated: review.truncated,
  importId: review.importId,
  importedAt: review.importedAt,
})

/** The curation fields the fast path below writes by hand, in the order every writer uses. */
const HAND_WRITTEN = [
  'tags',
  'note',
  'myRating',
  'kept',
  'highlights',
  'bylineCorrection',
  'updatedAt',
] as const
/**
 * Every other field of the stored-record schema, written generically after those: a curation
 * field added to shared/records/curation.ts is exported (and so restored) with no change here.
 */
const OTHER_CURATION_KEYS = (Object.keys(CompleteCuration.shape) as (keyof Curation)[]).filter(
  (k) => !(HAND_WRITTEN as readonly string[]).includes(k),
)

function curationOf({ curation }: Pick<Match, 'curation'>): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const key of HAND_WRITTEN) out[key] = curation[key]
  for (const key of OTHER_CURATION_KEYS) if (curation[key] !== undefined) out[key] = curation[key]
  return out
}

function otherCurationJson(c: Curation): string {
  let out = ''
  for (const key of OTHER_CURATION_KEYS) {
    if (c[key] !== undefined) out += `,${JSON.stringify(key)}:${JSON.stringify(c[key])}`
  }
  return out
}

/**
 * The complete record as one object literal: at 100,000 reviews, building it from spreads of the
 * parts above took seconds, a literal of fixed shape takes milliseconds. Same keys, same order.
 */
function fullRecord({ review: r, curation: c }: Match, work: Work) {
  return {
    id: r.id,
    workId: r.workId,
    work: { title: work.title, year: work.year },
    title: r.title,
    author: r.author,
    date: r.date,
    rating: r.rating,
    bylineRaw: r.bylineRaw,
    bylineAmbiguous: r.bylineAmbiguous,
    bylineAlternatives: r.bylineAlternatives,
    spoiler: r.spoiler,
    helpful: r.helpful,
    body: r.body,
    truncated: r.truncated,
    importId: r.importId,
    importedAt: r.importedAt,
    curation: curationOf({ curation: c }),
  }
}

const jsonBool = (b: boolean): string => (b ? 'true' : 'false')

/** The JSON of the small nested values, which are rarely more than empty or null. */
const jsonSmall = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value) && value.length === 0
      ? '[]'
      : JSON.stringify(value)

const jsonSplit = (s: BylineSplit): string =>
  `{"author":${jsonString(s.author)},"date":${jsonString(s.date)}}`

const jsonSplits = (list: readonly BylineSplit[]): string =>
  list.length === 1 ? `[${jsonSplit(list[0]!)}]` : `[${list.map(jsonSplit).join(',')}]`

const jsonHelpful = (h: Helpful | null): string =>
  h === null ? 'null' : `{"yes":${jsonNumber(h.yes)},"total":${jsonNumber(h.total)}}`

/**
 * Escapes strings that repeat from review to review (work and import ids, import times) once.
 * Bounded, so a field that turns out to be unique costs a lookup and no memory.
 */
function repeatedJson(limit = 4096): (text: string) => string {
  const cache = new Map<string, string>()
  return (text) => {
    let json = cache.get(text)
    if (json === undefined) {
      json = jsonString(text)
      if (cache.size < limit) cache.set(text, json)
    }
    return json
  }
}

/**
 * JSON.stringify(fullRecord(m, work)) without building the object or running the generic
 * serializer: this is the text of nearly every byte of a full export. `workJson` is the work's
 * `{"title":…,"year":…}`, computed once per work.
 */
export function fullRecordJson(): (m: Match, workJson: string) => string {
  const repeated = repeatedJson()
  return ({ review: r, curation: c }, workJson) =>
    `{"id":${jsonString(r.id)},"workId":${repeated(r.workId)},"work":${workJson}` +
    `,"title":${jsonString(r.title)},"author":${jsonString(r.author)}` +
    `,"date":${jsonNullableString(r.date)},"rating":${jsonNumber(r.rating)}` +
    `,"bylineRaw":${jsonString(r.bylineRaw)},"bylineAmbiguous":${jsonBool(r.bylineAmbiguous)}` +
    `,"bylineAlternatives":${jsonSplits(r.bylineAlternatives)},"spoiler":${jsonBool(r.spoiler)}` +
    `,"helpful":${jsonHelpful(r.helpful)},"body":${jsonString(r.body)}` +
    `,"truncated":${jsonBool(r.truncated)},"importId":${repeated(r.importId)}` +
    `,"importedAt":${repeated(r.importedAt)},"curation":{"tags":${jsonStrings(c.tags)}` +
    `,"note":${jsonNullableString(c.note)},"myRating":${jsonNumber(c.myRating)}` +
    `,"kept":${jsonBool(c.kept)},"highlights":${jsonSmall(c.highlights)}` +
    `,"bylineCorrection":${jsonSmall(c.bylineCorrection)},"updatedAt":${repeated(c.updatedAt)}` +
    `${OTHER_CURATION_KEYS.length ? otherCurationJson(c) : ''}}}`
}

/** One review as the JSON export writes it, holding the fields the option asks for. */
export function reviewRecord(m: Match, work: Work, fields: ExportFields): Record<string, unknown> {
  switch (fields) {
    case 'all':
      return fullRecord(m, work)
    case 'original':
      return { ...identity(m, work), ...original(m) }
    case 'curation':
      return { ...identity(m, work), curation: curationOf(m) }
    case 'highlights':
      return { ...identity(m, work), rating: m.review.rating, highlights: m.curation.highlights }
  }
}

const workGetter = (ctx: ExportContext) => {
  const works = new Map(worksOf(ctx).map((w) => [w.id, w]))
  return (m: Match) => works.get(m.review.workId)!
}

/** The collections holding exported reviews, each with just those reviews, in its order. */
function collectionsOf(ctx: ExportContext): Collection[] {
  const exported = new Set(ctx.matches.map((m) => m.review.id))
  return ctx.library.collections
    .map((c) => ({ ...c, reviewIds: c.reviewIds.filter((id) => exported.has(id)) }))
    .filter((c) => c.reviewIds.length > 0)
}

export function jsonWriter(ctx: ExportContext): FormatWriter {
  const everything =
    !ctx.scope.ids && Object.keys(ctx.scope.query).length === 0 && ctx.options.includeSpoilers
  const works = worksOf(ctx)
  const workOf = workGetter(ctx)
  const importIds = new Set(ctx.matches.map((m) => m.review.importId))
  const head = {
    schema: EXPORT_SCHEMA,
    version: EXPORT_VERSION,
    exportedAt: ctx.exportedAt,
    scope: { label: ctx.scope.label, ...(ctx.scope.ids ? { ids: ctx.scope.ids } : {}) },
    query: ctx.scope.query,
    options: {
      fields: ctx.options.fields,
      includeSpoilers: ctx.options.includeSpoilers,
      order: ctx.options.order,
    },
    // Only a full export can be restored: the others leave out what a library needs.
    complete: ctx.options.fields === 'all',
    works,
    tags: tagsOf(ctx, everything),
    imports: ctx.library.imports.filter((i) => everything || importIds.has(i.id)),
    collections: collectionsOf(ctx),
  }
  // The document is pretty-printed except for the reviews, one compact object per line: a
  // diff or grep stays readable and 100,000 reviews do not pay for indentation.
  const open = JSON.stringify(head, null, 2).replace(/\n}$/, ',\n  "reviews": [')
  const workJson = new Map(
    works.map((w) => [w.id, JSON.stringify({ title: w.title, year: w.year })]),
  )
  const full = fullRecordJson()
  const record =
    ctx.options.fields === 'all'
      ? (m: Match) => full(m, workJson.get(m.review.workId)!)
      : (m: Match) => JSON.stringify(reviewRecord(m, workOf(m), ctx.options.fields))
  return {
    head: () => open,
    row: (m, i) => `${i === 0 ? '\n' : ',\n'}    ${record(m)}`,
    tail: () => (ctx.matches.length ? '\n  ]\n}\n' : ']\n}\n'),
  }
}

/** One JSON Lines record: the text and its labels first, then what a restore needs. */
export function lineRecord(m: Match, work: Work, fields: ExportFields): Record<string, unknown> {
  const { review, curation } = m
  const labels = {
    tags: curation.tags,
    myRating: curation.myRating,
    rating: review.rating,
    spoiler: review.spoiler,
    kept: curation.kept,
  }
  const base = identity(m, work)
  if (fields === 'highlights') return { ...base, highlights: curation.highlights }
  const text = fields === 'curation' ? {} : { text: review.body }
  const { body: _body, ...source } = original(m)
  const restOriginal = fields === 'curation' ? {} : { source }
  const restCuration =
    fields === 'original'
      ? { labels: { rating: review.rating, spoiler: review.spoiler } }
      : { labels, note: curation.note, curation: curationOf(m) }
  return { ...base, ...text, ...restCuration, ...restOriginal }
}

export function jsonlWriter(ctx: ExportContext): FormatWriter {
  const workOf = workGetter(ctx)
  return {
    head: () => '',
    row: (m) => `${JSON.stringify(lineRecord(m, workOf(m), ctx.options.fields))}\n`,
    tail: () => '',
  }
}
