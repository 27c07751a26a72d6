// The typed query of the search box, e.g. `rating:>=8 -tag:spoiler work:"Pusher II" refn`.
// Pure and shared: main runs it to answer `reviews:query`, the renderer runs it to show the error
// under the search box as the user types. It never throws: a bad query comes back as a message
// naming the token and its position.

import {
  fail,
  parseDateRange,
  parseNumberRange,
  QuerySyntaxError,
  type NumberRange,
  type Value,
} from './query-values'

export type { NumberRange } from './query-values'

export type HasWhat = 'note' | 'highlight' | 'tag' | 'mine'

/** One condition of the query; a review must meet all of them. */
export type Clause =
  /** Free text (`refn`) or a quoted phrase (`"once were warriors"`): raw text, folded by main. */
  | { kind: 'text'; text: string; phrase: boolean; negate: boolean }
  | {
      kind: 'rating' | 'mine' | 'helpful' | 'votes' | 'length'
      range: NumberRange
      negate: boolean
    }
  /** Inclusive bounds as YYYYMMDD numbers. */
  | { kind: 'date'; range: NumberRange; negate: boolean }
  /** `tag:theme` also matches the nested tags `theme/…`; `collection:` takes a name or id. */
  | { kind: 'tag' | 'author' | 'work' | 'collection'; value: string; negate: boolean }
  | { kind: 'spoiler' | 'kept' | 'reviewed'; value: boolean; negate: boolean }
  | { kind: 'has'; what: HasWhat; negate: boolean }

export interface QueryError {
  message: string
  /** UTF-16 offsets into the query of the part at fault. */
  start: number
  end: number
}

export type ParseOutcome = { ok: true; clauses: Clause[] } | { ok: false; error: QueryError }

export const QUERY_FIELDS = [
  'rating',
  'mine',
  'tag',
  'author',
  'work',
  'spoiler',
  'helpful',
  'votes',
  'length',
  'date',
  'has',
  'kept',
  'collection',
  'reviewed',
] as const

const HAS: Record<string, HasWhat> = {
  note: 'note',
  notes: 'note',
  highlight: 'highlight',
  highlights: 'highlight',
  tag: 'tag',
  tags: 'tag',
  mine: 'mine',
  myrating: 'mine',
}

const EXPECTED = {
  tag: 'a tag',
  author: 'an author',
  work: 'a title',
  collection: 'a collection name',
} as const

const YES_NO: Record<string, boolean> = { yes: true, true: true, no: false, false: false }

const MAX_CLAUSES = 100

class Scanner {
  pos = 0
  constructor(readonly input: string) {}

  skipSpace(): void {
    while (this.pos < this.input.length && /\s/.test(this.input[this.pos]!)) this.pos++
  }

  get done(): boolean {
    return this.pos >= this.input.length
  }

  peek(offset = 0): string {
    return this.input[this.pos + offset] ?? ''
  }

  /** A quoted string (the scanner sits on the opening quote) or a bare run up to whitespace. */
  value(): Value {
    const start = this.pos
    if (this.peek() === '"') {
      const close = this.input.indexOf('"', start + 1)
      if (close < 0) fail('unclosed quote: add the closing "', start, this.input.length)
      this.pos = close + 1
      return { text: this.input.slice(start + 1, close), start: start + 1, end: close }
    }
    while (!this.done && !/\s/.test(this.peek())) this.pos++
    return { text: this.input.slice(start, this.pos), start, end: this.pos }
  }
}

function nonEmpty(field: string, value: Value, what: string): string {
  const text = value.text.trim()
  if (!text) fail(`${field}: expected ${what}, got nothing`, value.start, value.end)
  return text
}

function fieldClause(field: string, value: Value, negate: boolean): Clause {
  const lower = value.text.toLowerCase()
  switch (field) {
    case 'rating':
      return { kind: 'rating', range: parseNumberRange(field, value, 'int', 1, 10), negate }
    case 'mine':
      if (lower === 'none') return { kind: 'has', what: 'mine', negate: !negate }
      if (lower === 'any') return { kind: 'has', what: 'mine', negate }
      return { kind: 'mine', range: parseNumberRange(field, value, 'int', 1, 10), negate }
    case 'helpful':
      return { kind: 'helpful', range: parseNumberRange(field, value, 'ratio', 0, 1), negate }
    case 'votes':
      return { kind: 'votes', range: parseNumberRange(field, value, 'int', 0, 1e9), negate }
    case 'length':
      return { kind: 'length', range: parseNumberRange(field, value, 'int', 0, 1e9), negate }
    case 'date':
      return { kind: 'date', range: parseDateRange(value), negate }
    case 'tag':
    case 'author':
    case 'work':
    case 'collection':
      return { kind: field, value: nonEmpty(field, value, EXPECTED[field]), negate }
    case 'spoiler':
    case 'kept':
    case 'reviewed': {
      const yes = YES_NO[lower]
      if (yes === undefined)
        fail(
          `${field}: expected yes or no, got ${JSON.stringify(value.text)}`,
          value.start,
          value.end,
        )
      return { kind: field, value: yes, negate }
    }
    case 'has': {
      const what = HAS[lower]
      if (!what)
        fail(
          `has: expected note, highlight, tag or mine, got ${JSON.stringify(value.text)}`,
          value.start,
          value.end,
        )
      return { kind: 'has', what, negate }
    }
  }
  throw new Error(`unhandled field ${field}`)
}

function parseTerm(scanner: Scanner): Clause | null {
  const negate = scanner.peek() === '-' && scanner.peek(1) !== '' && !/\s/.test(scanner.peek(1))
  if (negate) scanner.pos++
  const field = /^([A-Za-z]+):/.exec(scanner.input.slice(scanner.pos))
  if (field) {
    const name = field[1]!.toLowerCase()
    if (!(QUERY_FIELDS as readonly string[]).includes(name)) {
      fail(
        `unknown field "${field[1]}:"; use one of ${QUERY_FIELDS.join(', ')}, or put the text in quotes`,
        scanner.pos,
        scanner.pos + field[0].length,
      )
    }
    scanner.pos += field[0].length
    return fieldClause(name, scanner.value(), negate)
  }
  const quoted = scanner.peek() === '"'
  const value = scanner.value()
  // `""` asks for nothing, and a lone `-` is what the user is in the middle of typing.
  if (!value.text.trim() || (!quoted && value.text === '-')) return null
  return { kind: 'text', text: value.text, phrase: quoted, negate }
}

/** Parses a typed query; an empty query has no clauses and selects everything. */
export function parseQuery(input: string): ParseOutcome {
  const scanner = new Scanner(input)
  const clauses: Clause[] = []
  try {
    for (scanner.skipSpace(); !scanner.done; scanner.skipSpace()) {
      const termStart = scanner.pos
      const clause = parseTerm(scanner)
      if (clause) clauses.push(clause)
      if (clauses.length > MAX_CLAUSES)
        fail(`too many terms: at most ${MAX_CLAUSES}`, termStart, scanner.pos)
    }
    return { ok: true, clauses }
  } catch (e) {
    if (e instanceof QuerySyntaxError)
      return { ok: false, error: { message: e.message, start: e.start, end: e.end } }
    const message = e instanceof Error ? e.message : String(e)
    return {
      ok: false,
      error: { message: `cannot read the query: ${message}`, start: 0, end: input.length },
    }
  }
}
