import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { addHighlight, setBylineCorrection } from '../../../electron/app/commands/curate'
import { addTags, setMyRating, setNote } from '../../../electron/app/commands/curate'
import { commitImport } from '../../../electron/app/import/apply-import'
import { dryRunReport, planNow } from '../../../electron/domain/import/plan-import'
import { snapshotTree } from '../support/temp-library'
import { importHarness, parsedFile, parsedReview, type Harness } from './support'

let h: Harness
beforeEach(async () => (h = await importHarness()))
afterEach(() => h.cleanup())

const byTitle = (title: string) => [...h.library.allReviews()].find((r) => r.title === title)!

describe('re-importing a newer copy', () => {
  const first = [
    parsedReview({ title: 'One', author: 'ann', helpful: { yes: 1, total: 2 } }),
    parsedReview({ title: 'Two', author: 'bob' }),
    parsedReview({ title: 'Three', author: 'cyd', body: 'Complete body.' }),
  ]

  it('adds new reviews, updates changed fields and keeps every kind of curation', async () => {
    await commitImport(h.library, [parsedFile('old.txt', first)])
    const one = byTitle('One')
    await addTags(h.library, [one.id], ['acting'])
    await setNote(h.library, one.id, 'pull quote')
    await setMyRating(h.library, [one.id], 3)
    await addHighlight(h.library, one.id, { start: 0, end: 4, quote: 'Body' })
    await setBylineCorrection(h.library, one.id, { author: 'Ann B', date: '2006-03-11' })
    const curation = h.library.getCuration(one.id)

    const newer = [
      parsedReview({ ...first[0], helpful: { yes: 9, total: 12 }, author: 'ann2' }),
      parsedReview({ ...first[1] }),
      parsedReview({ title: 'Four', author: 'dee' }),
    ]
    const { files } = await commitImport(h.library, [parsedFile('new.txt', newer)])

    expect(files[0]).toMatchObject({ added: 1, updated: 1, unchanged: 1 })
    const updated = h.library.getReview(one.id)!
    expect(updated.helpful).toEqual({ yes: 9, total: 12 })
    expect(updated.author).toBe('ann2')
    // The review keeps the import that first brought it in.
    expect(updated.importId).toBe(one.importId)
    expect(h.library.getCuration(one.id)).toEqual(curation)
    expect(h.library.getCuration(one.id).bylineCorrection).toEqual({
      author: 'Ann B',
      date: '2006-03-11',
    })
    // "Three" vanished from the newer copy and stays.
    expect(byTitle('Three')).toBeDefined()
    expect(h.library.reviewCount).toBe(4)
  })

  it('never replaces a complete review with a cut-off copy of it', async () => {
    await commitImport(h.library, [parsedFile('old.txt', first)])
    const cut = parsedReview({ ...first[2], body: 'Compl', truncated: true })
    const { files } = await commitImport(h.library, [parsedFile('cut.txt', [cut])])
    expect(files[0]).toMatchObject({ added: 0, updated: 0, unchanged: 1 })
    expect(byTitle('Three').body).toBe('Complete body.')
  })

  it('counts a review pasted twice in one dump once', async () => {
    const { files } = await commitImport(h.library, [
      parsedFile('twice.txt', [first[0]!, { ...first[0]!, line: 99 }]),
    ])
    expect(files[0]).toMatchObject({ found: 2, added: 1 })
    expect(h.library.reviewCount).toBe(1)
  })

  it('files per-user reviews under their own works, and the rest under the page work', async () => {
    const reviews = [
      parsedReview({ title: 'A', work: { title: 'Thin Ice', year: 2020 } }),
      parsedReview({ title: 'B', work: { title: 'Monster', year: 2004 } }),
      parsedReview({ title: 'C', work: null }),
    ]
    const { files } = await commitImport(h.library, [
      parsedFile('user.txt', reviews, { title: 'Page work', year: null }),
    ])
    expect(files[0]!.works).toEqual([
      { title: 'Thin Ice', year: 2020 },
      { title: 'Monster', year: 2004 },
      { title: 'Page work', year: null },
    ])
    const works = new Map(h.library.allWorks().map((w) => [w.id, w.title]))
    expect(works.get(byTitle('A').workId)).toBe('Thin Ice')
    expect(works.get(byTitle('B').workId)).toBe('Monster')
    expect(works.get(byTitle('C').workId)).toBe('Page work')
    expect(h.library.imports.at(-1)!.workIds).toHaveLength(3)
  })

  it('names a work after the file when the copy has no header', async () => {
    const { files } = await commitImport(h.library, [parsedFile('My dump.txt', first, null)])
    expect(files[0]!.works).toEqual([{ title: 'My dump', year: null }])
  })

  it('plans a dry run with the same counts and writes nothing', async () => {
    await commitImport(h.library, [parsedFile('old.txt', first)])
    const before = await snapshotTree(h.library.dir)
    const newer = [parsedReview({ ...first[0], helpful: { yes: 5, total: 5 } }), parsedReview()]
    const report = dryRunReport(planNow(h.library, [parsedFile('new.txt', newer)]))
    expect(report.dryRun).toBe(true)
    expect(report.files[0]).toMatchObject({ added: 1, updated: 1, unchanged: 0 })
    expect(await snapshotTree(h.library.dir)).toEqual(before)
    expect(h.library.history.canUndo).toBe(true) // only the first import's step
    expect(h.library.history.entries()).toHaveLength(1)
  })
})

describe('identity of reviews without byline or headline', () => {
  it('tells scraped rows apart by their text, and still recognises them on re-import', async () => {
    const rows = ['Loved it', 'Meh', 'Best film'].map((body) =>
      parsedReview({ body, author: '', date: null, bylineRaw: '', title: '' }),
    )
    const first = await commitImport(h.library, [parsedFile('rows.csv', rows)])
    expect(first.files[0]).toMatchObject({ added: 3 })
    const again = await commitImport(h.library, [parsedFile('rows.csv', rows)])
    expect(again.files[0]).toMatchObject({ added: 0, unchanged: 3 })
  })
})
