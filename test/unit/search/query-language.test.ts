import { describe, expect, it } from 'vitest'
import { parseQuery, type Clause } from '../../../shared/query-language'

const clauses = (q: string): Clause[] => {
  const r = parseQuery(q)
  if (!r.ok) throw new Error(`unexpected error: ${r.error.message}`)
  return r.clauses
}

const error = (q: string) => {
  const r = parseQuery(q)
  if (r.ok) throw new Error(`expected an error for ${q}`)
  return r.error
}

describe('parseQuery', () => {
  it('reads every field of the issue example', () => {
    const q =
      'rating:>=8 mine:<=4 tag:acting -tag:spoiler author:robo8 spoiler:no helpful:>0.8 date:2005..2010 has:note has:highlight kept:yes work:"Pusher II"'
    expect(clauses(q)).toEqual([
      { kind: 'rating', range: { min: 8 }, negate: false },
      { kind: 'mine', range: { max: 4 }, negate: false },
      { kind: 'tag', value: 'acting', negate: false },
      { kind: 'tag', value: 'spoiler', negate: true },
      { kind: 'author', value: 'robo8', negate: false },
      { kind: 'spoiler', value: false, negate: false },
      { kind: 'helpful', range: { min: 0.8, minOpen: true }, negate: false },
      { kind: 'date', range: { min: 20050101, max: 20101231 }, negate: false },
      { kind: 'has', what: 'note', negate: false },
      { kind: 'has', what: 'highlight', negate: false },
      { kind: 'kept', value: true, negate: false },
      { kind: 'work', value: 'Pusher II', negate: false },
    ])
  })

  it('reads free words, quoted phrases and negated words', () => {
    expect(clauses('refn  "once were warriors" -boring')).toEqual([
      { kind: 'text', text: 'refn', phrase: false, negate: false },
      { kind: 'text', text: 'once were warriors', phrase: true, negate: false },
      { kind: 'text', text: 'boring', phrase: false, negate: true },
    ])
  })

  it('reads the forms of numbers, ranges, percentages and dates', () => {
    expect(clauses('rating:7')[0]).toMatchObject({ range: { min: 7, max: 7 } })
    expect(clauses('rating:5..7')[0]).toMatchObject({ range: { min: 5, max: 7 } })
    expect(clauses('rating:..3')[0]).toMatchObject({ range: { max: 3 } })
    expect(clauses('rating:<3')[0]).toMatchObject({ range: { max: 3, maxOpen: true } })
    expect(clauses('helpful:80%')[0]).toMatchObject({ range: { min: 0.8, max: 0.8 } })
    expect(clauses('votes:>=10')[0]).toMatchObject({ kind: 'votes', range: { min: 10 } })
    expect(clauses('date:2008-06')[0]).toMatchObject({ range: { min: 20080601, max: 20080631 } })
    expect(clauses('date:>2008')[0]).toMatchObject({ range: { min: 20081231, minOpen: true } })
    expect(clauses('date:<2008-02-03')[0]).toMatchObject({
      range: { max: 20080203, maxOpen: true },
    })
    expect(clauses('mine:none')[0]).toEqual({ kind: 'has', what: 'mine', negate: true })
    expect(clauses('-mine:none')[0]).toEqual({ kind: 'has', what: 'mine', negate: false })
    expect(clauses('RATING:>=8')[0]).toMatchObject({ kind: 'rating' })
  })

  it('accepts an empty query and empty quotes', () => {
    expect(clauses('')).toEqual([])
    expect(clauses('   ')).toEqual([])
    expect(clauses('""')).toEqual([])
  })

  it('names the token and position of a bad number', () => {
    expect(error('rating:>=x')).toEqual({
      message: 'rating: expected a number 1-10 after ">=", got "x" (at 9)',
      start: 9,
      end: 10,
    })
    expect(error('refn mine:11').message).toBe(
      'mine: 11 is out of range; expected a number 1-10 (at 10)',
    )
    expect(error('rating:').message).toBe('rating: expected a number 1-10, got nothing (at 7)')
    expect(error('rating:>=').message).toBe(
      'rating: expected a number 1-10 after ">=", got nothing (at 9)',
    )
    expect(error('rating:7.5').message).toMatch(/^rating: expected a number 1-10, got "7.5"/)
    expect(error('helpful:>abc').message).toMatch(
      /^helpful: expected a ratio 0-1 \(e\.g\. 0\.8\) or a percentage \(80%\) after ">", got "abc" \(at 9\)/,
    )
    expect(error('helpful:1.5').message).toMatch(/1\.5 is out of range/)
    expect(error('votes:-3').message).toMatch(/^votes: expected a whole number, got "-3"/)
  })

  it('rejects empty and backwards ranges', () => {
    expect(error('rating:8..5').message).toBe('rating: the range "8..5" selects nothing (at 7)')
    expect(error('rating:..').message).toMatch(/needs a bound on at least one side/)
    expect(error('rating:3..x').message).toMatch(/after "\.\.", got "x" \(at 10\)/)
    expect(error('date:2010..2005').message).toMatch(/selects nothing/)
  })

  it('rejects bad dates with the part at fault', () => {
    expect(error('date:2005-13').message).toBe('date: month 13 is not 1-12 in "2005-13" (at 5)')
    expect(error('date:2005-02-30').message).toMatch(/day 30 does not exist/)
    expect(error('date:05').message).toMatch(
      /expected a date YYYY, YYYY-MM or YYYY-MM-DD, got "05"/,
    )
    expect(error('date:yesterday').message).toMatch(/got "yesterday" \(at 5\)/)
  })

  it('rejects unknown fields and bad keywords, naming them', () => {
    const e = error('good ratin:>=8')
    expect(e.message).toMatch(/^unknown field "ratin:"; use one of rating, mine, tag/)
    expect(e.message).toMatch(/put the text in quotes \(at 5\)$/)
    expect([e.start, e.end]).toEqual([5, 11])
    expect(error('spoiler:maybe').message).toBe('spoiler: expected yes or no, got "maybe" (at 8)')
    expect(error('kept:1').message).toMatch(/^kept: expected yes or no/)
    expect(error('has:colour').message).toMatch(/^has: expected note, highlight, tag or mine/)
    expect(error('tag:').message).toBe('tag: expected a tag, got nothing (at 4)')
    expect(error('work:""').message).toBe('work: expected a title, got nothing (at 6)')
    expect(error('author:').message).toBe('author: expected an author, got nothing (at 7)')
  })

  it('rejects unclosed quotes, and ignores a lone dash being typed', () => {
    expect(error('refn "once were').message).toBe('unclosed quote: add the closing " (at 5)')
    expect(error('work:"Pusher').message).toMatch(/unclosed quote.*\(at 5\)/)
    expect(clauses('refn - x')).toHaveLength(2)
    expect(clauses('refn -')).toHaveLength(1)
  })

  it('limits the number of terms', () => {
    expect(error(Array.from({ length: 101 }, (_, i) => `w${i}`).join(' ')).message).toMatch(
      /too many terms: at most 100/,
    )
  })

  it('never throws, whatever it is given', () => {
    const samples = [
      '"',
      '-',
      '--',
      ':',
      'a:',
      '-"x',
      'rating:>=>=8',
      'date:....',
      '"""',
      '\u0000',
      'x'.repeat(5000),
      'tag:"a" "b',
      'mine:any',
      '-has:note',
      'helpful:.5',
      'length:>100',
    ]
    for (const s of samples) expect(() => parseQuery(s)).not.toThrow()
  })
})
