import { describe, it, expect } from 'vitest'
import { decodeDump, parseDump } from '../../../electron/domain/parsers'
import { BadInputError } from '../../../electron/domain/errors'
import { fixtureBytes } from './load-fixture'

/** Runs the whole parser front door (bytes → text → reviews) and returns its refusal. */
function refusal(bytes: Uint8Array, fileName: string): BadInputError {
  try {
    parseDump(decodeDump(bytes, fileName).text, fileName)
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError)
    return error as BadInputError
  }
  throw new Error(`${fileName} was accepted`)
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

describe('bad-input catalogue: every refusal names the file and says what is wrong', () => {
  it.each([
    ['empty.txt', new Uint8Array(), /^empty\.txt is empty/],
    ['blank.txt', utf8(' \n\t\n'), /^blank\.txt is empty/],
    [
      'poster.jpg',
      new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1]),
      /^poster\.jpg looks like a binary file/,
    ],
    [
      'half.txt',
      new Uint8Array([0xff, 0xfe, 0x41, 0, 0x42]),
      /^half\.txt is cut off: .*odd number of bytes/,
    ],
    ['notes.txt', utf8('Shopping list\nmilk\neggs'), /^notes\.txt is not a review page/],
    [
      'zero.txt',
      utf8('Pusher II (2004) Poster\n44 Reviews\nSort by:\nFilter by Rating:\nRecently Viewed'),
      /^zero\.txt: the page declares 44 reviews but none could be read/,
    ],
    [
      'menu.html',
      utf8(
        '<!DOCTYPE html><html><body><nav>Home</nav><h1>Opening hours</h1><p>Mon-Fri 9-17</p></body></html>',
      ),
      /^menu\.html is an HTML page but not a page of reviews/,
    ],
    [
      'shape.json',
      utf8('{"count": 3, "next": null}'),
      /^shape\.json: found an object with keys count, next and no list of reviews/,
    ],
    ['numbers.json', utf8('[1, 2, 3]'), /^numbers\.json: the JSON list holds number values/],
    [
      'broken.json',
      utf8('{"reviews": [\n{"text": "a",}\n]}'),
      /^broken\.json is not valid JSON: .*line 2/,
    ],
    [
      'notext.csv',
      fixtureBytes('no-text-column.csv'),
      /^notext\.csv: no column holds the review text \(columns: id, stars, user\)/,
    ],
    [
      'headers.csv',
      utf8('text,rating\n'),
      /^headers\.csv: the csv dump holds no review that could be read \(no entry with review text\)/,
    ],
  ])('%s', (fileName, bytes, message) => {
    expect(refusal(bytes, fileName).message).toMatch(message)
  })
})
