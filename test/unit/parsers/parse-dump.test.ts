import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { detectFormat, parseDump } from '../../../electron/domain/parsers'
import { BadInputError } from '../../../electron/domain/errors'

const reference = readFileSync(
  new URL('../../fixtures/imdb/pusher-ii-2004.txt', import.meta.url),
  'utf8',
)

function rejection(text: string, fileName: string): BadInputError {
  try {
    parseDump(text, fileName)
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError)
    return error as BadInputError
  }
  throw new Error('parseDump accepted the input')
}

describe('detectFormat', () => {
  it('recognises the reference dump', () => {
    expect(detectFormat(reference)).toBe('imdb-title-reviews-text')
  })

  it('recognises a byline with a helpful line', () => {
    const text = 'Headline\nName12 March 2006\nBody\n1 out of 2 found this helpful.'
    expect(detectFormat(text)).toBe('imdb-title-reviews-text')
  })

  it('recognises a rating, headline and byline without any helpful line', () => {
    expect(detectFormat('8/10\nHeadline\nName12 March 2006\nBody')).toBe('imdb-title-reviews-text')
  })

  it.each([
    ['plain notes', 'Shopping list\nmilk\neggs'],
    ['a byline alone', 'Name12 March 2006\nSome text'],
    ['a helpful line alone', 'Body\n1 out of 2 found this helpful.'],
    ['a rating not followed by a byline', '8/10\nHeadline\nBody\nmore'],
    ['an empty string', ''],
  ])('returns null for %s', (_name, text) => {
    expect(detectFormat(text)).toBeNull()
  })
})

describe('parseDump', () => {
  it('parses a recognised page', () => {
    const result = parseDump(reference, 'pusher.txt')
    expect(result.format).toBe('imdb-title-reviews-text')
    expect(result.reviews).toHaveLength(25)
  })

  it('refuses text that is not a review page, naming the file and the expected layout', () => {
    const message = rejection('Shopping list\nmilk', 'notes.txt').message
    expect(message).toMatch(/^notes\.txt is not a review page: found no review layout it knows/)
    expect(message).toContain('a byline like Name12 March 2006')
  })

  it('refuses a page whose reviews cannot be read, saying how many it declares and where', () => {
    const text = [
      'Drive (2011) Poster',
      '44 Reviews',
      'Sort by:',
      'Name12 March 2006',
      'A byline with no headline above it.',
      '3 out of 4 found this helpful.',
      'Permalink',
    ].join('\n')
    const message = rejection(text, 'drive.txt').message
    expect(message).toMatch(
      /^drive\.txt: the page declares 44 reviews but none could be read \(line 4\b/,
    )
    expect(message).toContain('Name12 March 2006')
  })

  it('refuses a page without declared count whose reviews cannot be read', () => {
    const text = 'Name12 March 2006\nbody\n3 out of 4 found this helpful.'
    expect(rejection(text, 'x.txt').message).toMatch(/^x\.txt: .* none could be read \(line 1\b/)
  })
})
