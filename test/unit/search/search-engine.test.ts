import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { SearchEngine } from '../../../electron/domain/search/search-engine'
import { foldText } from '../../../shared/fold-text'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { steppingClock, tempDir } from '../support/temp-library'
import { fillLibrary, referencePhrase, referenceText } from './search-fixture'

let library: Library
let cleanup: () => Promise<void>

beforeAll(async () => {
  const temp = await tempDir()
  cleanup = temp.cleanup
  library = await openLibrary(temp.dir, { now: steppingClock() })
  await fillLibrary(library, 1500)
})
afterAll(async () => {
  await library.close()
  await cleanup()
})

/** An engine whose index is built only when the test says so. */
function manualEngine(batchSize = 400) {
  const pending: (() => void)[] = []
  const engine = new SearchEngine(library, {
    schedule: (run) => pending.push(run),
    batchSize,
    sliceMs: 1e9,
  })
  const build = () => {
    while (pending.length > 0) pending.shift()!()
  }
  return { engine, build }
}

const ids = (engine: SearchEngine, q: string) =>
  Array.from(engine.run({ q }), (o) => engine.review(o).id)

const WORDS = [
  'the',
  'gangster',
  'mik',
  'sorensen',
  'drasbaek',
  'cafe',
  'father son',
  'th',
  'z',
  'refn brutal',
  'qqqq',
  'Sørensen',
  'DRASBÆK',
]

describe('the search index', () => {
  it('finds exactly what a scan finds, before, during and after indexing', () => {
    const { engine, build } = manualEngine()
    const reference = WORDS.map((w) => referenceText(library, [w]))
    expect(engine.index.indexedUpTo).toBe(0)
    WORDS.forEach((w, i) => expect(ids(engine, w), `scan: ${w}`).toEqual(reference[i]))
    // Half built: some reviews come from the index, the rest from the fallback scan.
    const step = (engine as unknown as { buildSlice(): void }).buildSlice.bind(engine)
    ;(engine as unknown as { sliceMs: number }).sliceMs = 0
    step()
    engine.clearCache()
    expect(engine.index.indexedUpTo).toBeLessThan(1500)
    WORDS.forEach((w, i) => expect(ids(engine, w), `partial: ${w}`).toEqual(reference[i]))
    build()
    expect(engine.indexed).toBe(true)
    engine.clearCache()
    WORDS.forEach((w, i) => expect(ids(engine, w), `index: ${w}`).toEqual(reference[i]))
    expect(engine.index.segmentCount).toBeGreaterThan(1)
    engine.index.merge()
    engine.clearCache()
    expect(engine.index.segmentCount).toBe(1)
    WORDS.forEach((w, i) => expect(ids(engine, w), `merged: ${w}`).toEqual(reference[i]))
    expect(reference.find((r) => r.length === 0)).toBeDefined() // a word that matches nothing
    expect(reference.filter((r) => r.length > 0).length).toBeGreaterThan(8)
    engine.dispose()
  })

  it('folds accents and matches word prefixes, not the middle of words', () => {
    const { engine, build } = manualEngine()
    build()
    expect(ids(engine, 'sorensen')).toEqual(ids(engine, 'SØRENSEN'))
    expect(ids(engine, 'sorensen').length).toBeGreaterThan(0)
    expect(ids(engine, 'drasb')).toContain(ids(engine, 'drasbaek')[0])
    expect(ids(engine, 'orensen')).not.toContain(ids(engine, 'sorensen')[0])
    engine.dispose()
  })

  it('finds the phrases a scan finds, with and without the index', () => {
    const phrases = [
      'the film',
      'of the',
      'is a',
      'the gang',
      'film the movie',
      'once were war',
      'a a',
    ]
    const { engine, build } = manualEngine()
    const reference = phrases.map((p) => referencePhrase(library, p))
    phrases.forEach((p, i) => expect(ids(engine, `"${p}"`), `scan: ${p}`).toEqual(reference[i]))
    build()
    engine.clearCache()
    phrases.forEach((p, i) => expect(ids(engine, `"${p}"`), `index: ${p}`).toEqual(reference[i]))
    expect(reference.filter((r) => r.length > 0).length).toBeGreaterThan(4)
    engine.dispose()
  })

  it('answers phrases starting with a common word within one field, as a scan does', () => {
    const boundary = [...library.allReviews()].find((r) => r.title === 'Worth it for the')!
    const byline = foldText(boundary.author).match(/[\p{L}\p{N}]+/u)![0]
    const phrases = ['the camera', 'THE CAMÉRA', 'the cam', `the ${byline}`, 'for the camera', 'a']
    const { engine, build } = manualEngine()
    const reference = phrases.map((p) => referencePhrase(library, p))
    const negated = (p: string) => ids(engine, `the -"${p}"`)
    const withoutRef = phrases.map((_, i) =>
      referenceText(library, ['the']).filter((id) => !reference[i]!.includes(id)),
    )
    phrases.forEach((p, i) => expect(ids(engine, `"${p}"`), `scan: ${p}`).toEqual(reference[i]))
    build()
    engine.clearCache()
    phrases.forEach((p, i) => {
      expect(ids(engine, `"${p}"`), `index: ${p}`).toEqual(reference[i])
      expect(negated(p), `index: -${p}`).toEqual(withoutRef[i])
    })
    expect(reference[0]).toContain(boundary.id)
    expect(reference[3]).not.toContain(boundary.id)
    expect(engine.index.leadPairDocs(['the', 'camera'])?.exact).toBe(true)
    engine.dispose()
  })

  it('matches quoted phrases as consecutive words and excludes negated words', () => {
    const { engine, build } = manualEngine()
    build()
    const phrase = ids(engine, '"once were warriors"')
    expect(phrase.length).toBeGreaterThan(0)
    expect(ids(engine, '"warriors were once"')).toEqual([])
    expect(ids(engine, '"once were war"')).toEqual(phrase) // the last word may be a prefix
    const all = ids(engine, 'the')
    const without = ids(engine, 'the -gangster')
    const gangster = new Set(ids(engine, 'gangster'))
    expect(without).toEqual(all.filter((id) => !gangster.has(id)))
    engine.dispose()
  })
})

describe('queries follow the library', () => {
  it('finds a note as soon as it is written, and forgets it when cleared', async () => {
    const { setNote } = await import('../../../electron/app/commands/curate')
    const target = [...library.allReviews()][700]!.id
    await queryReviews(library, { q: 'zanzibarian' }, 0, 10) // the engine exists before the edit
    await setNote(library, target, 'A Zanzibarian reading of the ending')
    expect(queryReviews(library, { q: 'zanzibar' }, 0, 10).rows.map((r) => r.id)).toEqual([target])
    expect(queryReviews(library, { q: 'has:note zanzibar' }, 0, 10).total).toBe(1)
    expect(referenceText(library, ['zanzibar'])).toEqual([target])
    await library.history.undo()
    expect(queryReviews(library, { q: 'zanzibar' }, 0, 10).total).toBe(0)
    await library.history.redo()
    expect(queryReviews(library, { q: 'zanzibar' }, 0, 10).total).toBe(1)
    await setNote(library, target, null)
    expect(queryReviews(library, { q: 'zanzibar' }, 0, 10).total).toBe(0)
  })

  it('sees imported reviews, and loses them on undo', async () => {
    const { commitImport } = await import('../../../electron/app/import/apply-import')
    const before = queryReviews(library, {}, 0, 1).total
    const review = {
      rating: 9,
      title: 'Quixotically xylophonic',
      author: 'tester',
      date: '2010-05-05',
      bylineRaw: 'tester5 May 2010',
      bylineAmbiguous: false,
      bylineAlternatives: [{ author: 'tester', date: '2010-05-05' }],
      spoiler: false,
      helpful: { yes: 1, total: 2 },
      body: 'A xylophonic score by Åsa Jörgensen.',
      line: 1,
      truncated: false,
    }
    await commitImport(library, [
      {
        fileName: 'new.txt',
        result: {
          format: 'imdb-title-reviews-text',
          work: { title: 'A New Work', year: 2010 },
          declaredCount: 1,
          incomplete: false,
          reviews: [review],
          warnings: [],
          fragments: [],
        },
      },
    ])
    expect(queryReviews(library, {}, 0, 1).total).toBe(before + 1)
    expect(queryReviews(library, { q: 'xylophon jorgensen' }, 0, 10).total).toBe(1)
    expect(queryReviews(library, { q: 'work:"new work" asa' }, 0, 10).total).toBe(1)
    await library.history.undo()
    expect(queryReviews(library, {}, 0, 1).total).toBe(before)
    expect(queryReviews(library, { q: 'xylophon' }, 0, 10).total).toBe(0)
    await library.history.redo()
    expect(queryReviews(library, { q: 'xylophon' }, 0, 10).total).toBe(1)
  })

  it('refuses a bad typed query with the parser message', () => {
    expect(() => queryReviews(library, { q: 'rating:>=x' }, 0, 10)).toThrow(
      'Query: rating: expected a number 1-10 after ">=", got "x" (at 9)',
    )
  })
})
