import { z } from 'zod'
import { CompleteCuration } from '../../../shared/records/curation'
import { CollectionRecord, ImportRecordRecord, TagRecord } from '../../../shared/records/library'
import { ReviewRecord } from '../../../shared/records/review'
import type { ImportRecord, Review, Tag, Work } from '../../../shared/domain'
import { BadInputError } from '../errors'
import { EXPORT_SCHEMA, EXPORT_VERSION } from './json-writer'

// Reads our own JSON and JSON Lines exports back. Everything is checked before anything is
// written, and a bad field is named by its place in the file (review number, field path).

// The stored-record schemas (shared/records) are the restore's too: a field the library accepts is
// a field a restore accepts.
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)
// Exports written before a curation field existed lack it; it restores as its empty value.
const Curation = CompleteCuration.extend({ reviewed: z.boolean().default(false) })
const Source = ReviewRecord.pick({
  rating: true,
  bylineRaw: true,
  bylineAmbiguous: true,
  bylineAlternatives: true,
  spoiler: true,
  helpful: true,
  truncated: true,
  importId: true,
  importedAt: true,
})
const Identity = z.object({
  id: z.string().regex(/^rv_[0-9a-f]{16}$/, 'expected a review id like rv_0123456789abcdef'),
  workId: z.string().regex(/^wk_[0-9a-f]{12}$/, 'expected a work id like wk_0123456789ab'),
  work: z.object({ title: z.string(), year: z.number().int().nullable() }),
  title: z.string(),
  author: z.string(),
  date: Day.nullable(),
})
const JsonReview = Identity.extend(Source.shape).extend({ body: z.string(), curation: Curation })
const JsonlLine = Identity.extend({ text: z.string(), source: Source, curation: Curation })
const ImportRecordSchema = ImportRecordRecord.passthrough()

export type RestoredCuration = z.infer<typeof Curation>

export interface RestorePlan {
  works: Work[]
  reviews: Review[]
  curation: Map<string, RestoredCuration>
  tags: Tag[]
  imports: ImportRecord[]
  /** The exported collections (absent from JSON Lines and from exports older than them). */
  collections: CollectionRecord[]
}

function fail(fileName: string, where: string, error: z.ZodError): never {
  const issue = error.issues[0]!
  const path = issue.path.map(String).join('.')
  throw new BadInputError(`${fileName}: ${where}${path ? `, field ${path}` : ''}: ${issue.message}`)
}

/** Tells our exports from other JSON: the JSON header, or a JSONL line of our shape. */
export function detectExport(text: string): 'json' | 'jsonl' | null {
  const start = text.replace(/^\uFEFF/, '').trimStart()
  if (!start.startsWith('{')) return null
  if (/^\{\s*"schema"\s*:\s*"review-curator-export"/.test(start)) return 'json'
  const first = start.slice(0, start.indexOf('\n') === -1 ? undefined : start.indexOf('\n'))
  return /^\{"id":"rv_[0-9a-f]{16}","workId":"wk_[0-9a-f]{12}"/.test(first) ? 'jsonl' : null
}

function toReview(r: z.infer<typeof Identity> & z.infer<typeof Source>, body: string): Review {
  return {
    id: r.id,
    workId: r.workId,
    rating: r.rating,
    title: r.title,
    author: r.author,
    date: r.date,
    bylineRaw: r.bylineRaw,
    bylineAmbiguous: r.bylineAmbiguous,
    bylineAlternatives: r.bylineAlternatives,
    spoiler: r.spoiler,
    helpful: r.helpful,
    body,
    truncated: r.truncated,
    importId: r.importId,
    importedAt: r.importedAt,
  }
}

function parseJsonText(fileName: string, text: string, where: string): unknown {
  try {
    return JSON.parse(text)
  } catch (e) {
    throw new BadInputError(`${fileName}: ${where} is not valid JSON: ${(e as Error).message}`)
  }
}

export function parseJsonExport(fileName: string, text: string): RestorePlan {
  const doc = parseJsonText(fileName, text.replace(/^\uFEFF/, ''), 'the file') as Record<
    string,
    unknown
  >
  if (doc.schema !== EXPORT_SCHEMA)
    throw new BadInputError(`${fileName}: not a Review Curator export`)
  if (typeof doc.version !== 'number' || doc.version > EXPORT_VERSION) {
    throw new BadInputError(
      `${fileName}: written by a newer Review Curator (export version ${String(doc.version)}); update the app to import it`,
    )
  }
  if (doc.version < 2 || doc.complete !== true) {
    throw new BadInputError(
      `${fileName}: this export does not hold every field (version ${doc.version}, fields "${(doc.options as { fields?: string } | undefined)?.fields ?? 'all'}"), so it cannot be restored; export again with all fields as JSON`,
    )
  }
  const header = z
    .object({
      works: z.array(
        z.object({ id: z.string(), title: z.string(), year: z.number().int().nullable() }),
      ),
      tags: z.array(TagRecord),
      imports: z.array(ImportRecordSchema),
      collections: z.array(CollectionRecord).optional(),
      reviews: z.array(z.unknown()),
    })
    .safeParse(doc)
  if (!header.success) fail(fileName, 'header', header.error)
  const reviews: Review[] = []
  const curation = new Map<string, RestoredCuration>()
  header.data.reviews.forEach((raw, i) => {
    const r = JsonReview.safeParse(raw)
    if (!r.success) fail(fileName, `review ${i + 1}`, r.error)
    reviews.push(toReview(r.data, r.data.body))
    curation.set(r.data.id, r.data.curation)
  })
  return {
    works: header.data.works,
    reviews,
    curation,
    tags: header.data.tags,
    imports: header.data.imports as ImportRecord[],
    collections: header.data.collections ?? [],
  }
}

export function parseJsonlExport(fileName: string, text: string): RestorePlan {
  const works = new Map<string, Work>()
  const reviews: Review[] = []
  const curation = new Map<string, RestoredCuration>()
  text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line.trim()) return
      const r = JsonlLine.safeParse(parseJsonText(fileName, line, `line ${i + 1}`))
      if (!r.success) {
        if (
          r.error.issues.some(
            (x) => x.path[0] === 'source' || x.path[0] === 'curation' || x.path[0] === 'text',
          )
        ) {
          throw new BadInputError(
            `${fileName}: line ${i + 1} lacks the full review (exported with fewer fields?), so the file cannot be restored; export JSON Lines with all fields`,
          )
        }
        fail(fileName, `line ${i + 1}`, r.error)
      }
      const d = r.data
      if (!works.has(d.workId)) works.set(d.workId, { id: d.workId, ...d.work })
      reviews.push(toReview({ ...d, ...d.source }, d.text))
      curation.set(d.id, d.curation)
    })
  // JSON Lines carries no tag colours or import records: the restore gives tags new colours.
  return { works: [...works.values()], reviews, curation, tags: [], imports: [], collections: [] }
}
