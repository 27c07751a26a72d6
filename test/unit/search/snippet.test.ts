import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { firstMatch, snippetOf, SNIPPET_LENGTH } from '../../../electron/domain/search/snippet'
import { matchRanges, searchTerms } from '../../../shared/search-marks'
import { referenceLibrary } from '../support/reference-library'

const filler = (n: number, word: string) => Array.from({ length: n }, () => word).join(' ')

describe('snippetOf', () => {
  it('cuts a short passage around the first match, on whole words, with ellipses', () => {
    const body = `${filler(40, 'alpha')} the brutal finale of Tonny\n\nstays ${filler(40, 'omega')}`
    const snippet = snippetOf(body, ['finale'])!
    expect(snippet).toMatch(/^… alpha .*brutal finale of Tonny stays omega.* …$/)
    expect(snippet.length).toBeLessThanOrEqual(SNIPPET_LENGTH + 4)
    // No half words at either end, no line breaks.
    expect(snippet.replace(/^… | …$/g, '').split(' ')).not.toContain('alp')
    expect(snippet).not.toMatch(/\n/)
    for (const word of snippet.replace(/^… | …$/g, '').split(' '))
      expect(['alpha', 'omega', 'the', 'brutal', 'finale', 'of', 'Tonny', 'stays']).toContain(word)
  })

  it('finds the earliest of several terms, folded and at word starts like the search', () => {
    const body =
      'Kim Bodnia is unsorensen here, then Anne Sørensen appears; later a mention of Bodnia.'
    expect(snippetOf(body, ['soren'])).toBe(body)
    expect(snippetOf(body, ['bodnia', 'soren'])).toBe(body)
    const long = `${filler(30, 'word')} Sørensen ${filler(30, 'more')}`
    expect(snippetOf(long, ['sorensen'])).toMatch(/^… (word )+Sørensen (more ?)+ …$/)
    // Folding that changes the length (æ → ae) still lands on the right passage.
    const nordic = `${filler(30, 'Æble')} Drasbæk ${filler(30, 'more')}`
    expect(snippetOf(nordic, ['drasbaek'])).toContain('Drasbæk')
  })

  it('starts at the beginning without an ellipsis when the match is early', () => {
    expect(snippetOf(`Pusher sequel ${filler(60, 'tail')}`, ['sequel'])).toMatch(
      /^Pusher sequel tail.* …$/,
    )
  })

  it('gives nothing without terms or when the body lacks them', () => {
    expect(snippetOf('some text', [])).toBeNull()
    expect(snippetOf('some text', ['absent'])).toBeNull()
    expect(snippetOf('unsorted', ['sort'])).toBeNull()
  })
})

describe('query rows carry the snippet', () => {
  let library: Library
  let cleanup: () => Promise<void>
  beforeAll(async () => void ({ library, cleanup } = await referenceLibrary()))
  afterAll(async () => {
    await library.close()
    await cleanup()
  })

  it('for a text search, on the rows of the page asked for; not for filters alone', () => {
    const review = [...library.allReviews()].find((r) => r.body.length > 400)!
    const word = review.body
      .slice(200)
      .split(/[^\p{L}]+/u)
      .find((w) => w.length >= 6)!
    const page = queryReviews(library, { q: word }, 0, 50)
    expect(page.rows.length).toBeGreaterThan(0)
    const row = page.rows.find((r) => r.id === review.id)!
    expect(row.snippet).toBeDefined()
    expect(row.snippet!.toLowerCase()).toContain(word.toLowerCase())
    expect(searchTerms(word)).toHaveLength(1)
    expect(queryReviews(library, { rating: { min: 1 } }, 0, 50).rows.some((r) => r.snippet)).toBe(
      false,
    )
  })
})

describe('the first match, found a window at a time', () => {
  /** A deterministic word stream: ASCII, accents that keep the length and ones that do not. */
  const VOCAB = [
    'the',
    'camera',
    'Sørensen',
    'sorensen',
    'unsoren',
    'café',
    'cafe\u0301s',
    'Drasbæk',
    'x',
    '—',
  ]
  function body(seed: number, words: number): string {
    let s = seed
    const next = () => (s = (Math.imul(s, 1103515245) + 12345) >>> 0)
    return Array.from({ length: words }, () => VOCAB[next() % VOCAB.length]).join(' ')
  }

  it('is where a fold of the whole body finds it, across window edges', () => {
    for (let seed = 1; seed <= 60; seed++) {
      // Mostly plain filler, so matches land past the first windows and on their edges.
      const filler = 'plain words '.repeat(150 + seed * 7).slice(0, 2040 + seed)
      const text = `${filler}${body(seed, 400)}`
      for (const terms of [
        ['sorensen'],
        ['camera', 'cafe'],
        ['drasbaek'],
        ['soren'],
        ['e'],
        ['zzz'],
      ]) {
        expect(firstMatch(text, terms)).toBe(matchRanges(text, terms)[0]?.start ?? -1)
      }
    }
  })

  it('finds a match straddling the end of the first window', () => {
    const text = `${'a '.repeat(1022)}xyzzy tail`
    expect(text.indexOf('xyzzy')).toBe(2044)
    expect(firstMatch(text, ['xyzzy'])).toBe(2044)
    expect(firstMatch(`${'a '.repeat(1023)}bxyzzy`, ['xyzzy'])).toBe(-1)
  })
})
