import { describe, it, expect } from 'vitest'
import { detectFormat, MappingNeededError, parseDump } from '../../../electron/domain/parsers'
import { fixtureText, parseFixture } from './load-fixture'

describe('JSON from scrapers', () => {
  const result = parseFixture('scraper-nested.json')

  it('finds the nested reviews list and the work named beside it', () => {
    expect(result.format).toBe('json')
    expect(result.work).toEqual({ title: 'Pusher II', year: 2004 })
    expect(result.reviews.map((r) => r.author)).toEqual(['UlrikSander', 'Åsa Lindqvist'])
  })

  it('maps common field names and lists the columns for the mapping step', () => {
    const mapped = Object.fromEntries((result.columns ?? []).map((c) => [c.name, c.mappedTo]))
    expect(mapped).toMatchObject({
      'user.name': 'author',
      rating: 'rating',
      headline: 'title',
      date: 'date',
      content: 'body',
      helpful: 'helpful',
      spoiler: 'spoiler',
      id: 'ignore',
    })
    expect(result.columns?.find((c) => c.name === 'content')?.samples[0]).toMatch(/^Nicolas/)
  })

  it('reads every field and keeps a record without text as a fragment', () => {
    expect(result.reviews[0]).toMatchObject({
      rating: 8,
      title: "Nicolas Winding Refn's Pusher 2 is even better than the first one",
      date: '2006-03-11',
      helpful: { yes: 54, total: 62 },
      spoiler: false,
      body: "Nicolas Winding Refn's Pusher 1-3 is my favorite trilogy.\n\nIt cost 80.000 kroner.",
    })
    expect(result.reviews[1]).toMatchObject({ date: '2005-01-06', spoiler: true })
    expect(result.fragments).toHaveLength(1)
    expect(result.fragments[0]?.text).toContain('No text')
    // Lines where each record opens in the pretty-printed file.
    expect(result.reviews.map((r) => r.line)).toEqual([6, 16])
    expect(result.fragments[0]?.line).toBe(26)
  })

  it('takes a mapping override from the user', () => {
    const remapped = parseFixture('scraper-nested.json', { mapping: { id: 'title' } })
    expect(remapped.reviews[0]?.title).toBe('rw1323640')
    expect(remapped.columns?.find((c) => c.name === 'headline')?.mappedTo).toBe('ignore')
  })

  it('reads a top-level array too', () => {
    const text = JSON.stringify([{ review: 'Fin film.', score: 3, username: 'Kåre' }])
    const parsed = parseDump(text, 'list.json', { ratingScale: 5 })
    expect(parsed.reviews[0]).toMatchObject({ body: 'Fin film.', rating: 6, author: 'Kåre' })
  })
})

describe('JSON Lines, CSV and TSV', () => {
  it('reads JSON Lines with their line numbers; a bad line is a fragment', () => {
    const result = parseFixture('scraper.jsonl')
    expect(result.format).toBe('jsonl')
    expect(result.reviews.map((r) => [r.line, r.author, r.rating, r.date])).toEqual([
      [1, 'Bjørn Ågesen', 8, '2019-05-04'],
      [2, 'Märta Öberg', 5, '2019-05-04'],
      [4, 'Kim', 10, '2018-01-01'],
    ])
    expect(result.reviews[2]?.body).toBe('I give it 9.2 out of 10.')
    expect(result.fragments).toEqual([{ line: 3, text: 'this line is not JSON' }])
  })

  it('reads CSV with CRLF rows, quoted line breaks and a 100-point scale', () => {
    const result = parseFixture('scraper.csv')
    expect(result.format).toBe('csv')
    expect(result.reviews.map((r) => [r.line, r.author, r.rating, r.spoiler])).toEqual([
      [2, 'Søren Kjærsgaard', 8, false],
      [4, 'Anne Sørensen', 4, true],
    ])
    expect(result.reviews[0]?.body).toBe(
      'First line of the review.\nSecond line, with a comma and "quotes".',
    )
    expect(result.reviews[0]?.helpful).toEqual({ yes: 5, total: 7 })
    expect(result.warnings.find((w) => w.code === 'rating-scale')?.message).toContain('out of 100')
  })

  it('uses the rating scale the user gives instead of guessing', () => {
    const result = parseFixture('scraper.csv', { ratingScale: 100 })
    expect(result.warnings.map((w) => w.code)).not.toContain('rating-scale')
    const tens = parseDump('text,rating\nGod,4\nDårlig,2\n', 'x.csv', { ratingScale: 10 })
    expect(tens.reviews.map((r) => r.rating)).toEqual([4, 2])
  })

  it('reads TSV, stars included', () => {
    const result = parseFixture('scraper.tsv')
    expect(result.format).toBe('tsv')
    expect(result.reviews.map((r) => [r.author, r.rating, r.title, r.date])).toEqual([
      ['Nils Gustafsson', 8, 'Bra', '1996-08-30'],
      ['Karin', 6, 'Okej', '2001-02-03'],
    ])
  })

  it('asks for a mapping when no column name fits the review text, then uses it', () => {
    const text = fixtureText('scraper-semicolon.csv')
    let error: unknown
    try {
      parseDump(text, 'danske.csv')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(MappingNeededError)
    expect((error as MappingNeededError).columns.map((c) => c.name)).toEqual([
      'navn',
      'bedømmelse',
      'anmeldelse',
      'dato',
    ])
    const mapped = parseDump(text, 'danske.csv', {
      mapping: { navn: 'author', bedømmelse: 'rating', anmeldelse: 'body', dato: 'date' },
      ratingScale: 10,
    })
    expect(mapped.reviews[0]).toMatchObject({
      author: 'Jens Ørum',
      rating: 9,
      body: 'Fremragende film',
      date: '2005-01-03',
    })
  })

  it('detects CSV and TSV from a header row without a file extension', () => {
    expect(detectFormat('author,rating,text\nA,5,Good', 'paste')).toBe('csv')
    expect(detectFormat('author\trating\treview\nA\t5\tGood', 'paste')).toBe('tsv')
    expect(detectFormat('{"text": "a"}\n{"text": "b"}', 'paste')).toBe('jsonl')
    expect(detectFormat('{"schema": "review-curator-export", "version": 1}')).toBe(
      'review-curator-export',
    )
  })
})
