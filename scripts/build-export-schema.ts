// Regenerates the curation part of the published export schema from the stored-record schema
// (shared/records/curation.ts), so the JSON Schema can never describe a different curation than
// the app writes and restores. `npm run schema:export` rewrites the file; a unit test fails while
// the committed file differs from what this produces.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { z } from 'zod'
import { CompleteCuration, HighlightRecord } from '../shared/records/curation'
import { CollectionRecord } from '../shared/records/library'

export const SCHEMA_PATH = join(
  dirname(fileURLToPath(import.meta.url)),
  '../shared/schemas/review-curator-export.schema.json',
)

function derived(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' })
  return rest
}

/** The published schema text, with `highlight`, `curation` and `collection` derived from the zod schemas. */
export function exportSchemaText(current: string): string {
  const doc = JSON.parse(current) as { definitions: Record<string, unknown> }
  doc.definitions.highlight = {
    description: 'A marked passage of the body: UTF-16 offsets [start, end) and the quoted text.',
    ...derived(HighlightRecord),
  }
  doc.definitions.curation = {
    description: 'What the user added to the review (generated from shared/records/curation.ts).',
    ...derived(CompleteCuration),
  }
  doc.definitions.collection = {
    description:
      "A manual collection: its exported reviews in the user's order (generated from shared/records/library.ts).",
    ...derived(CollectionRecord),
  }
  return `${JSON.stringify(doc, null, 2)}\n`
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = exportSchemaText(readFileSync(SCHEMA_PATH, 'utf8'))
  writeFileSync(SCHEMA_PATH, text)
  console.log(`wrote ${SCHEMA_PATH}`)
}
