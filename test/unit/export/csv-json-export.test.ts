import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXPORT_OPTIONS } from '../../../shared/channels/export'
import { guardCell } from '../../../electron/domain/export/csv-cell'
import { CSV_COLUMNS, CSV_HIGHLIGHT_COLUMNS } from '../../../electron/domain/export/csv-writer'
import { renderExport } from '../../../electron/app/export/export-service'
import type { ResolvedScope } from '../../../electron/domain/export/select'
import { readCsv } from '../../support/read-csv'
import { curatedLibrary, type Curated } from './fixture-library'

let lib: Curated
beforeAll(async () => void (lib = await curatedLibrary()))
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const scope = (query: ResolvedScope['query']): ResolvedScope => ({ label: 'test', query })

const parseCsv = (text: string, delimiter = ',') => {
  expect(text.startsWith('\uFEFF')).toBe(true)
  const { fields, rows } = readCsv(text.slice(1), delimiter)
  return { data: rows, meta: { fields } }
}

describe('CSV export', () => {
  it('puts the original fields and the curation side by side, readable by an independent parser', () => {
    const { text, count } = renderExport(lib.library, 'csv', scope({ tags: ['acting'] }))
    expect(count).toBe(1)
    const { data, meta } = parseCsv(text)
    expect(meta.fields).toEqual([...CSV_COLUMNS])
    expect(data[0]).toMatchObject({
      work_title: 'Pusher II',
      work_year: '2004',
      rating: '8',
      my_rating: '3',
      author: 'UlrikSander',
      date: '2006-03-11',
      helpful_yes: '54',
      helpful_total: '62',
      tags: 'acting; pull-quote',
      kept: 'true',
      note: `'-2 points: "too long", but\nquotable`,
    })
    expect(data[0]!.body).toContain('Anne Sørensen')
    expect(text.split('\r\n').length).toBeGreaterThan(2)
  })

  it('neutralises formula cells and keeps quotes, newlines, emoji and Danish letters', () => {
    const { text } = renderExport(lib.library, 'csv', scope({ text: 'hyperlink' }))
    const row = parseCsv(text).data[0]!
    expect(row.title).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(row.author).toBe("'@SUM(A1:A2)")
    expect(row.body).toBe('"Quoted", with commas,\nand a second line; +1 -1 🎬 Sørensen')
    const script = parseCsv(renderExport(lib.library, 'csv', scope({ text: 'mallory' })).text)
    expect(script.data[0]!.body!.startsWith("'")).toBe(false)
    // Every cell of every row: none may start with a formula character.
    const all = parseCsv(renderExport(lib.library, 'csv', scope({})).text).data
    for (const r of all) for (const v of Object.values(r)) expect(v).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('guards every dangerous first character and nothing else', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(guardCell(`${c}x`)).toBe(`'${c}x`)
    expect(guardCell('plain -1')).toBe('plain -1')
  })

  it('writes TSV with the same columns, and CSV without a BOM when asked', () => {
    const tsv = renderExport(lib.library, 'tsv', scope({ text: 'hyperlink' })).text
    const parsed = parseCsv(tsv, '\t')
    expect(parsed.meta.fields).toEqual([...CSV_COLUMNS])
    expect(parsed.data[0]!.body).toContain('Sørensen')
    const noBom = renderExport(lib.library, 'csv', scope({}), {
      ...DEFAULT_EXPORT_OPTIONS,
      bom: false,
    })
    expect(noBom.text.startsWith('id,')).toBe(true)
  })

  it('writes one row per highlight with "highlights only", and drops spoilers when asked', () => {
    const options = { ...DEFAULT_EXPORT_OPTIONS, fields: 'highlights' as const }
    const { text, count } = renderExport(lib.library, 'csv', scope({}), options)
    const { data, meta } = parseCsv(text)
    expect(meta.fields).toEqual(CSV_HIGHLIGHT_COLUMNS)
    expect(count).toBe(1)
    expect(data).toHaveLength(1)
    expect(data[0]).toMatchObject({ quote: expect.any(String), comment: 'for the poster' })
    const all = renderExport(lib.library, 'csv', scope({})).count
    const noSpoilers = renderExport(lib.library, 'csv', scope({}), {
      ...DEFAULT_EXPORT_OPTIONS,
      includeSpoilers: false,
    }).count
    const spoilers = [...lib.library.allReviews()].filter((r) => r.spoiler).length
    expect(spoilers).toBeGreaterThan(0)
    expect(noSpoilers).toBe(all - spoilers)
  })
})
