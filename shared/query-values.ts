// Values of the typed query's numeric and date fields: `>=8`, `<0.5`, `80%`, `5..7`, `2005..2010`,
// `>2008-06`. Errors name the field, what was expected and the offending text.

/** Bounds are inclusive unless the matching `…Open` flag is set. */
export interface NumberRange {
  min?: number
  max?: number
  minOpen?: boolean
  maxOpen?: boolean
}

export class QuerySyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message)
    this.name = 'QuerySyntaxError'
  }
}

export function fail(message: string, start: number, end: number): never {
  throw new QuerySyntaxError(`${message} (at ${start})`, start, end)
}

/** A value as typed: its text without quotes and where it sits in the query. */
export interface Value {
  text: string
  start: number
  end: number
}

type Op = '>=' | '<=' | '>' | '<' | '='

function splitOp(value: Value): { op: Op | null; rest: Value } {
  const op = /^(>=|<=|>|<|=)/.exec(value.text)?.[1] as Op | undefined
  if (!op) return { op: null, rest: value }
  return {
    op,
    rest: { text: value.text.slice(op.length), start: value.start + op.length, end: value.end },
  }
}

/** Applies `op` to one value whose own span is [lo, hi] (a year spans its days). */
function bound(op: Op | null, lo: number, hi: number): NumberRange {
  switch (op) {
    case '>=':
      return { min: lo }
    case '>':
      return { min: hi, minOpen: true }
    case '<=':
      return { max: hi }
    case '<':
      return { max: lo, maxOpen: true }
    default:
      return { min: lo, max: hi }
  }
}

/** `a..b`, `a..` or `..b`: either side may be missing, not both. */
function rangeParts(value: Value): [Value, Value] | null {
  const dots = value.text.indexOf('..')
  if (dots < 0) return null
  return [
    { text: value.text.slice(0, dots), start: value.start, end: value.start + dots },
    { text: value.text.slice(dots + 2), start: value.start + dots + 2, end: value.end },
  ]
}

function checkRange(field: string, range: NumberRange, value: Value): NumberRange {
  const { min, max } = range
  if (min !== undefined && max !== undefined) {
    const empty = min > max || (min === max && (range.minOpen || range.maxOpen))
    if (empty) fail(`${field}: the range "${value.text}" selects nothing`, value.start, value.end)
  }
  return range
}

function parseRange(
  field: string,
  value: Value,
  expected: string,
  read: (v: Value, after: string) => [number, number],
): NumberRange {
  if (!value.text) fail(`${field}: expected ${expected}, got nothing`, value.start, value.end)
  const parts = rangeParts(value)
  if (parts) {
    const [a, b] = parts
    if (!a.text && !b.text)
      fail(`${field}: ".." needs a bound on at least one side`, value.start, value.end)
    const range: NumberRange = {}
    if (a.text) range.min = read(a, '')[0]
    if (b.text) range.max = read(b, ' after ".."')[1]
    return checkRange(field, range, value)
  }
  const { op, rest } = splitOp(value)
  const [lo, hi] = read(rest, op ? ` after "${op}"` : '')
  return bound(op, lo, hi)
}

const describe = (v: Value): string => (v.text ? JSON.stringify(v.text) : 'nothing')

/** rating, mine, votes, length (`int`) and helpful (`ratio`: 0.8 or 80%). */
export function parseNumberRange(
  field: string,
  value: Value,
  kind: 'int' | 'ratio',
  lo: number,
  hi: number,
): NumberRange {
  const expected =
    kind === 'ratio'
      ? 'a ratio 0-1 (e.g. 0.8) or a percentage (80%)'
      : hi >= 1e9
        ? 'a whole number'
        : `a number ${lo}-${hi}`
  return parseRange(field, value, expected, (v, after) => {
    const percent = kind === 'ratio' && v.text.endsWith('%')
    const digits = percent ? v.text.slice(0, -1) : v.text
    const pattern = kind === 'int' ? /^\d+$/ : /^(\d+(\.\d*)?|\.\d+)$/
    if (!pattern.test(digits))
      fail(`${field}: expected ${expected}${after}, got ${describe(v)}`, v.start, v.end)
    const n = percent ? Number(digits) / 100 : Number(digits)
    if (n < lo || n > hi)
      fail(`${field}: ${v.text} is out of range; expected ${expected}`, v.start, v.end)
    return [n, n]
  })
}

const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** YYYY, YYYY-MM or YYYY-MM-DD as the first and last day it covers, YYYYMMDD numbers. */
export function parseDateRange(value: Value): NumberRange {
  const expected = 'a date YYYY, YYYY-MM or YYYY-MM-DD'
  return parseRange('date', value, expected, (v, after) => {
    const m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$/.exec(v.text)
    if (!m) fail(`date: expected ${expected}${after}, got ${describe(v)}`, v.start, v.end)
    const year = Number(m[1])
    const month = m[2] === undefined ? null : Number(m[2])
    const day = m[3] === undefined ? null : Number(m[3])
    if (month !== null && (month < 1 || month > 12))
      fail(`date: month ${m[2]} is not 1-12 in ${JSON.stringify(v.text)}`, v.start, v.end)
    if (day !== null && (day < 1 || day > DAYS[month! - 1]!))
      fail(`date: day ${m[3]} does not exist in ${JSON.stringify(v.text)}`, v.start, v.end)
    const base = year * 10000
    if (month === null) return [base + 101, base + 1231]
    if (day === null) return [base + month * 100 + 1, base + month * 100 + 31]
    return [base + month * 100 + day, base + month * 100 + day]
  })
}
