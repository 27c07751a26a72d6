import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { guardCell } from '../../../electron/domain/services/csv-cell'
import { addTags, setMyRating, setNote } from '../../../electron/domain/services/curation-service'
import { CSV_COLUMNS, renderExport } from '../../../electron/domain/services/export-service'
import { importFiles, importText } from '../../../electron/domain/services/import-service'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

let library: Library
let cleanup: () => Promise<void>

const HOSTILE_PAGE = `Hostile (2020) Poster

User Reviews

2 Reviews
9/10
=HYPERLINK("http://evil.example","click")
@SUM(A1:A2)11 March 2006
"Quoted", with commas,
and a second line; +1 -1 🎬 Sørensen
1 out of 2 found this helpful. Was this review helpful? Sign in to vote.
Permalink
`

beforeAll(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
  await importFiles(library, [FIXTURE])
  await importText(library, 'hostile.txt', HOSTILE_PAGE)
  const first = [...library.allReviews()][0]!.id
  await addTags(library, [first], ['acting', 'pull-quote'])
  await setMyRating(library, [first], 3)
  await setNote(library, first, '-2 points: "too long", but\nquotable')
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

const parseCsv = (text: string) => {
  expect(text.startsWith('\uFEFF')).toBe(true)
  const result = Papa.parse<Record<string, string>>(text.slice(1), {
    header: true,
    skipEmptyLines: true,
  })
  expect(result.errors).toEqual([])
  return result
}

describe('CSV export', () => {
  it('puts the original fields and the curation side by side, readable by an independent parser', () => {
    const { text, count } = renderExport(library, { tags: ['acting'] }, 'csv')
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
      note: `'-2 points: "too long", but\nquotable`,
    })
    expect(data[0]!.body).toContain('Anne Sørensen')
  })

  it('neutralises formula cells and keeps quotes, newlines, emoji and Danish letters', () => {
    const { text } = renderExport(library, { text: 'hyperlink' }, 'csv')
    const row = parseCsv(text).data[0]!
    expect(row.title).toBe(`'=HYPERLINK("http://evil.example","click")`)
    expect(row.author).toBe("'@SUM(A1:A2)")
    expect(row.body).toBe('"Quoted", with commas,\nand a second line; +1 -1 🎬 Sørensen')
  })

  it('guards every dangerous first character and nothing else', () => {
    for (const c of ['=', '+', '-', '@', '\t', '\r']) expect(guardCell(`${c}x`)).toBe(`'${c}x`)
    expect(guardCell('plain -1')).toBe('plain -1')
  })
})

describe('JSON export', () => {
  it('writes the query, the curation and the original fields of every selected review', () => {
    const { text, count } = renderExport(library, { rating: { min: 10 } }, 'json')
    const doc = JSON.parse(text)
    expect(doc).toMatchObject({
      schema: 'review-curator-export',
      version: 1,
      query: { rating: { min: 10 } },
    })
    expect(doc.reviews).toHaveLength(count)
    expect(count).toBe(3)
    expect(doc.reviews[0]).toMatchObject({
      work: { title: 'Pusher II', year: 2004 },
      rating: 10,
      curation: { tags: [], note: null, myRating: null },
    })
    expect(Object.keys(doc.reviews[0])).toEqual(
      expect.arrayContaining([
        'id',
        'title',
        'author',
        'date',
        'bylineRaw',
        'bylineAmbiguous',
        'spoiler',
        'helpful',
        'body',
      ]),
    )
  })
})
