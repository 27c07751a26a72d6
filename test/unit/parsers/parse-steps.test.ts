import { describe, it, expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { parseDump, parseDumpSteps, type ParseProgress } from '../../../electron/domain/parsers'
import type { ParseResult } from '../../../shared/domain'
import { fixtureText } from './load-fixture'

const reference = readFileSync(
  new URL('../../fixtures/imdb/pusher-ii-2004.txt', import.meta.url),
  'utf8',
)

/** Drains the generator, keeping every progress report. */
function drain(text: string, fileName: string): { progress: ParseProgress[]; result: ParseResult } {
  const steps = parseDumpSteps(text, fileName)
  const progress: ParseProgress[] = []
  for (;;) {
    const next = steps.next()
    if (next.done === true) return { progress, result: next.value }
    progress.push(next.value)
  }
}

/** Forty copies of the reference page, each under its own title so none is a duplicate. */
const bigPage = Array.from({ length: 40 }, (_, k) =>
  reference.replace('Pusher II (2004) Poster', `Pusher ${k + 2} (${2000 + k}) Poster`),
).join('\n')

const bigCsv = [
  'author,rating,text',
  ...Array.from(
    { length: 12000 },
    (_, k) => `Søren ${k},${(k % 10) + 1},"Linje ${k}\nanden linje"`,
  ),
].join('\n')

describe('parseDumpSteps', () => {
  it.each([
    ['a large IMDb page', bigPage, 'big.txt'],
    ['a large CSV with quoted line breaks', bigCsv, 'big.csv'],
  ])(
    'reports rising progress for %s and returns what parseDump returns',
    (_name, text, fileName) => {
      const { progress, result } = drain(text, fileName)
      expect(progress.length).toBeGreaterThan(3)
      for (const [k, p] of progress.entries()) {
        expect(p.done).toBeLessThanOrEqual(p.total)
        if (k > 0) expect(p.done).toBeGreaterThanOrEqual(progress[k - 1]?.done ?? 0)
      }
      expect(result).toEqual(parseDump(text, fileName))
    },
  )

  it('parses the large page completely: every copy of every review, each under its work', () => {
    const { result } = drain(bigPage, 'big.txt')
    expect(result.reviews).toHaveLength(40 * 25)
    expect(result.reviews.at(-1)?.work).toEqual({ title: 'Pusher 41', year: 2039 })
  })

  it('reads every CSV record across slice boundaries, line numbers included', () => {
    const { result } = drain(bigCsv, 'big.csv')
    expect(result.reviews).toHaveLength(12000)
    expect(result.reviews[7000]).toMatchObject({
      author: 'Søren 7000',
      body: 'Linje 7000\nanden linje',
      line: 2 + 7000 * 2,
    })
  })

  it('can be stopped after the first slice without side effects, then run again', () => {
    const steps = parseDumpSteps(bigPage, 'big.txt')
    expect(steps.next().done).toBe(false)
    steps.return(undefined as never)
    expect(drain(fixtureText('imdb-mobile-thin-ice.txt'), 'm.txt').result.reviews).toHaveLength(3)
  })
})
