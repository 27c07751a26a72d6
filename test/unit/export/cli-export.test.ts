import { readCsv } from '../../support/read-csv'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, snapshotTree, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const cli = (...argv: string[]) => runCliCaptured(argv, join(dir, 'home'))

const lib = () => ['--library', join(dir, 'lib')]

describe('review-curator export', () => {
  beforeEach(async () => {
    expect((await cli('import', FIXTURE, ...lib())).code).toBe(0)
  })

  it('writes every format', async () => {
    for (const format of ['json', 'jsonl', 'csv', 'tsv', 'md', 'html']) {
      const out = join(dir, `all.${format}`)
      const res = await cli('export', '--format', format, '--out', out, ...lib())
      expect(res.code, res.err).toBe(0)
      expect(res.err).toMatch(new RegExp(`Exported \\d+ reviews to .*all\\.${format}`))
      expect((await readFile(out, 'utf8')).length).toBeGreaterThan(0)
    }
    const again = await cli('export', '--format', 'csv', '--out', join(dir, 'all.csv'), ...lib())
    expect(again.code).toBe(2)
    expect(again.err).toMatch(/all\.csv already exists; pass --force/)
    expect((await readFile(join(dir, 'all.csv'), 'utf8')).startsWith('\uFEFFid,')).toBe(true)
    const forced = ['--out', join(dir, 'all.json'), '--force', '--fields', 'curation']
    expect((await cli('export', '--format', 'json', ...forced, ...lib())).code).toBe(0)
    expect(JSON.parse(await readFile(join(dir, 'all.json'), 'utf8')).complete).toBe(false)
    const pdf = await cli('export', '--format', 'pdf', ...lib())
    expect(pdf.code).toBe(2)
    expect(pdf.err).toMatch(/PDF export needs the desktop app/)
  })

  it('selects with --query (typed or JSON), --fields and spoiler options', async () => {
    const json = await cli(
      'export',
      '--format',
      'json',
      '--query',
      '{"rating":{"min":10}}',
      ...lib(),
    )
    expect(json.code, json.err).toBe(0)
    expect(JSON.parse(json.out).reviews).toHaveLength(3)
    const typed = await cli('export', '--format', 'jsonl', '--query', 'rating:>=10', ...lib())
    expect(typed.code, typed.err).toBe(0)
    expect(typed.out.trim().split('\n')).toHaveLength(3)
    const csv = await cli(
      'export',
      '--format',
      'csv',
      '--fields',
      'original',
      '--exclude-spoilers',
      ...lib(),
    )
    const parsed = readCsv(csv.out.slice(1))
    const rows = { data: parsed.rows, meta: { fields: parsed.fields } }
    expect(rows.meta.fields).not.toContain('my_rating')
    expect(rows.data).toHaveLength(23)
    expect(rows.data.every((r) => r.spoiler === 'false')).toBe(true)
  })

  it('exits 2 with a clear message on a bad query, format, fields or view, changing nothing', async () => {
    const before = await snapshotTree(join(dir, 'lib'))
    const badQuery = await cli('export', '--format', 'csv', '--query', 'rating:>>x', ...lib())
    expect(badQuery.code).toBe(2)
    expect(badQuery.err).toMatch(/bad --query at character \d+/)
    const badJson = await cli('export', '--format', 'csv', '--query', '{"rating":', ...lib())
    expect(badJson.code).toBe(2)
    expect(badJson.err).toMatch(/--query is not valid JSON/)
    const badFormat = await cli('export', '--format', 'xml', ...lib())
    expect(badFormat.code).toBe(2)
    expect(badFormat.err).toMatch(
      /--format must be one of json, jsonl, csv, tsv, md, docx, html, pdf, got "xml"/,
    )
    expect((await cli('export', '--format', 'csv', '--fields', 'some', ...lib())).err).toMatch(
      /--fields must be one of all, original, curation, highlights/,
    )
    const view = await cli('export', '--format', 'csv', '--view', 'Favourites', ...lib())
    expect(view.code).toBe(2)
    expect(view.err).toMatch(/No saved view named "Favourites"/)
    expect(await snapshotTree(join(dir, 'lib'))).toEqual(before)
  })
})
