import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { snapshotTree } from '../support/temp-library'
import { importHarness, type Harness } from './support'

let h: Harness
beforeEach(async () => (h = await importHarness()))
afterEach(() => h.cleanup())

const CSV = 'who,stars,said,when\nann,4,"Loved it, truly",2020-01-02\nbob,2,Meh,2020-02-03\n'

describe('the mapping step of a tabular dump', () => {
  it('offers the columns when none holds the text, and re-parses with the user mapping', async () => {
    const before = await snapshotTree(h.library.dir)
    const preview = (await h.handlers['import:preview']({
      source: { kind: 'text', fileName: 'scrape.csv', content: CSV },
    }))!
    const first = preview.files[0]!
    expect(first.error).toMatch(/scrape\.csv: no column holds the review text/)
    expect(first.columns!.map((c) => c.name)).toEqual(['who', 'stars', 'said', 'when'])
    expect(first.columns!.find((c) => c.name === 'said')!.samples).toContain('Meh')

    const mapping = { who: 'author', stars: 'rating', said: 'body', when: 'date' } as const
    const mapped = await h.handlers['import:reparse']({
      previewId: preview.previewId,
      fileIndex: 0,
      options: { format: 'csv', mapping, ratingScale: 5 },
    })
    expect(mapped.error).toBeNull()
    expect(mapped.format).toBe('csv')
    expect(mapped.found).toBe(2)
    expect(mapped.ratingScale).toBe(5)
    expect(mapped.rows.map((r) => [r.author, r.rating, r.date])).toEqual([
      ['ann', 8, '2020-01-02'],
      ['bob', 4, '2020-02-03'],
    ])
    expect(mapped.columns!.find((c) => c.name === 'said')!.mappedTo).toBe('body')

    // Out of 10 instead: the same column reads differently.
    const tens = await h.handlers['import:reparse']({
      previewId: preview.previewId,
      fileIndex: 0,
      options: { format: 'csv', mapping, ratingScale: 10 },
    })
    expect(tens.rows.map((r) => r.rating)).toEqual([4, 2])
    expect(await snapshotTree(h.library.dir)).toEqual(before)

    const report = await h.handlers['import:commit']({ previewId: preview.previewId })
    expect(report.files[0]).toMatchObject({ format: 'csv', added: 2 })
    expect([...h.library.allReviews()].map((r) => r.body).sort()).toEqual([
      'Loved it, truly',
      'Meh',
    ])
  })
})
