import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseDump } from '../../../electron/domain/parsers'

// The same page as different browsers, editors and careless selections hand it over.
const reference = readFileSync(
  new URL('../../fixtures/imdb/pusher-ii-2004.txt', import.meta.url),
  'utf8',
)
const expected = parseDump(reference, 'reference.txt').reviews
const flat = (body: string): string => body.replace(/\s+/g, ' ')
const MONTH =
  '(?:January|February|March|April|May|June|July|August|September|October|November|December)'

const variants: [string, string][] = [
  ['a blank line between every line', reference.split('\n').join('\n\n')],
  [
    'every line indented',
    reference
      .split('\n')
      .map((line) => `\t  ${line}`)
      .join('\n'),
  ],
  [
    'a space between author and date',
    reference.replace(new RegExp(`([A-Za-z])(\\d{1,2} ${MONTH} \\d{4})$`, 'gm'), '$1 $2'),
  ],
  [
    'the vote prompt on its own line and no Permalink',
    reference
      .replace(/ Was this review helpful\? Sign in to vote\./g, '\nWas this review helpful?')
      .replace(/^Permalink\n/gm, ''),
  ],
  ['no page header', reference.split('\n').slice(10).join('\n')],
]

describe('tolerance: the reference page in other shapes', () => {
  it.each(variants)('%s: the same 25 reviews', (_name, text) => {
    const result = parseDump(text, 'variant.txt')
    expect(result.reviews.map((r) => r.title)).toEqual(expected.map((r) => r.title))
    expect(result.reviews.map((r) => r.rating)).toEqual(expected.map((r) => r.rating))
    expect(result.reviews.map((r) => r.date)).toEqual(expected.map((r) => r.date))
    expect(result.reviews.map((r) => flat(r.body))).toEqual(expected.map((r) => flat(r.body)))
    expect(result.fragments).toEqual([])
  })

  it('a selection starting and ending mid-review keeps both ends, truncated', () => {
    const result = parseDump(reference.slice(3000, reference.length - 2000), 'cut.txt')
    const first = result.reviews[0]
    const last = result.reviews.at(-1)
    expect(first?.truncated).toBe(true)
    expect(last?.truncated).toBe(true)
    expect(reference).toContain(first?.body.slice(-200) ?? 'missing')
    expect(result.reviews.slice(1, -1).every((r) => !r.truncated)).toBe(true)
    expect(result.fragments).toEqual([])
  })
})
