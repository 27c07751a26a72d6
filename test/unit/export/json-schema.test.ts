import { readFile } from 'node:fs/promises'
import { Ajv } from 'ajv'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXPORT_OPTIONS, EXPORT_FIELDS } from '../../../shared/channels/export'
import { renderExport } from '../../../electron/app/export/export-service'
import { curatedLibrary, type Curated } from './fixture-library'

const SCHEMA = new URL('../../../shared/schemas/review-curator-export.schema.json', import.meta.url)

let lib: Curated
let validate: ReturnType<Ajv['compile']>
beforeAll(async () => {
  lib = await curatedLibrary()
  const ajv = new Ajv({ allErrors: true, strict: false })
  validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')))
})
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const everything = { label: 'The whole library', query: {} }

describe('JSON export', () => {
  it('is valid against the shipped JSON Schema, with every kind of field option', () => {
    for (const fields of EXPORT_FIELDS) {
      const { text } = renderExport(lib.library, 'json', everything, {
        ...DEFAULT_EXPORT_OPTIONS,
        fields,
      })
      const doc = JSON.parse(text)
      expect(validate(doc), `${fields}: ${JSON.stringify(validate.errors)}`).toBe(true)
      expect(doc.complete).toBe(fields === 'all')
    }
  })

  it('holds works, reviews, full curation, tags with colours and import provenance', () => {
    const doc = JSON.parse(renderExport(lib.library, 'json', everything).text)
    expect(doc).toMatchObject({ schema: 'review-curator-export', version: 2, query: {} })
    expect(doc.works.map((w: { title: string }) => w.title)).toEqual(['Pusher II', 'Hostile'])
    expect(doc.tags).toEqual(lib.library.tags)
    expect(doc.tags.every((t: { color: string }) => /^#[0-9a-f]{6}$/i.test(t.color))).toBe(true)
    expect(doc.imports.map((i: { fileName: string }) => i.fileName)).toEqual([
      'pusher-ii-2004.txt',
      'hostile.txt',
    ])
    const first = doc.reviews.find((r: { id: string }) => r.id === lib.ids.first)
    expect(first.curation).toMatchObject({
      tags: ['acting', 'pull-quote'],
      myRating: 3,
      kept: true,
      bylineCorrection: { author: 'UlrikSande', date: '2006-03-11' },
      highlights: [{ id: 'hl_1', comment: 'for the poster' }],
    })
    expect(doc.imports.map((i: { id: string }) => i.id)).toContain(first.importId)
  })

  it('is rejected by the schema when a field is wrong (the schema can fail)', () => {
    const doc = JSON.parse(renderExport(lib.library, 'json', everything).text)
    doc.reviews[0].curation.myRating = 11
    expect(validate(doc)).toBe(false)
    delete doc.reviews[0].curation
    doc.reviews[0].curation = undefined
    expect(validate(JSON.parse(JSON.stringify(doc)))).toBe(false)
  })

  it('writes the reviews of a tag only, with the used tags only', () => {
    const doc = JSON.parse(
      renderExport(lib.library, 'json', { label: 'tag', query: { tags: ['acting'] } }).text,
    )
    expect(doc.reviews.map((r: { id: string }) => r.id)).toEqual([lib.ids.first])
    expect(doc.tags.map((t: { name: string }) => t.name)).toEqual(['acting', 'pull-quote'])
    expect(validate(doc)).toBe(true)
  })
})

describe('JSON Lines export', () => {
  it('writes one review per line with its text and labels', () => {
    const { text, count } = renderExport(lib.library, 'jsonl', everything)
    const lines = text.trimEnd().split('\n')
    expect(lines).toHaveLength(count)
    const records = lines.map((l) => JSON.parse(l))
    const first = records.find((r) => r.id === lib.ids.first)
    expect(first.text).toBe(lib.library.getReview(lib.ids.first)!.body)
    expect(first.labels).toEqual({
      tags: ['acting', 'pull-quote'],
      myRating: 3,
      rating: 8,
      spoiler: false,
      kept: true,
    })
    const hostile = records.find((r) => r.id === lib.ids.hyperlink)
    expect(hostile.text).toContain('\n')
    expect(lines.every((l) => !l.includes('\r'))).toBe(true)
  })
})

describe('the published schema follows the stored-record schema', () => {
  it('has the curation the app writes: regenerate with npm run schema:export', async () => {
    const { exportSchemaText, SCHEMA_PATH } = await import('../../../scripts/build-export-schema')
    const committed = await readFile(SCHEMA_PATH, 'utf8')
    expect(JSON.parse(exportSchemaText(committed))).toEqual(JSON.parse(committed))
  })
})
