import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseDump } from '../../../../electron/domain/parsers'
import { BadInputError } from '../../../../electron/domain/errors'
import { corpusPages } from '../../../score/corpus'
import { actualOf } from '../../../score/expected'

const PAGES = corpusPages()
const RUNS = { numRuns: Number(process.env.FC_RUNS ?? 80) }

/** Whitespace and bullets flattened, so a body can be looked up in the page it came from. */
const flat = (text: string): string => text.replace(/[•·]/g, ' ').replace(/\s+/g, ' ').trim()

describe('corpus pages under mutation', () => {
  it('CRLF and extra blank lines change nothing: the golden file still holds', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PAGES),
        fc.boolean(),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 60 }),
        (page, crlf, doubling) => {
          let n = 0
          let text = page.text.replace(/\n\n/g, (blank) =>
            doubling[n++ % doubling.length] === true ? '\n\n\n' : blank,
          )
          if (crlf) text = text.replace(/\r?\n/g, '\r\n')
          const result = parseDump(text, `${page.name}.txt`)
          expect(actualOf(result)).toEqual(page.expected.reviews)
        },
      ),
      RUNS,
    )
  })

  it('a copy cut anywhere never crashes and never invents a review', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PAGES), fc.double({ min: 0, max: 1 }), (page, at) => {
        const text = page.text.slice(0, Math.floor(page.text.length * at))
        let reviews
        try {
          reviews = parseDump(text, 'cut.txt').reviews
        } catch (error) {
          expect(error).toBeInstanceOf(BadInputError)
          return
        }
        expect(reviews.length).toBeLessThanOrEqual(page.expected.reviews.length)
        const source = flat(text)
        for (const review of reviews) expect(source).toContain(flat(review.body))
      }),
      RUNS,
    )
  })
})
