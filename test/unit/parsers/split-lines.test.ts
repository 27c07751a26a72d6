import { describe, expect, it } from 'vitest'
import { runSteps, splitLinesSteps } from '../../../electron/domain/parsers/parse-util'

describe('splitLinesSteps', () => {
  it('splits like one text.split whatever the piece size, CRLF and lone CR at piece edges included', () => {
    const text = ['a\r\nb', '', 'c\rd\n\re', '\n\n', 'fgh\r', '\r\n', 'last'].join('\n').repeat(7)
    const expected = text.split(/\r\n?|\n/)
    for (const size of [0, 1, 2, 3, 5, 8, 13, 100]) {
      expect(runSteps(splitLinesSteps(text, size)), `pieces of ${size}`).toEqual(expected)
    }
    for (const edge of ['', '\n', 'x\n', '\r', '\r\n', 'only one line']) {
      expect(runSteps(splitLinesSteps(edge, 1)), JSON.stringify(edge)).toEqual(
        edge.split(/\r\n?|\n/),
      )
    }
  })
})
