import Papa from 'papaparse'
import type { ImportWarning, UnparsedFragment, WorkRef } from '../../../../shared/domain'
import { BadInputError } from '../../errors'
import { elementLines } from './json-lines-of'
import { previewOf, PROGRESS_EVERY, type ParseProgress } from '../parse-util'

export interface SourceRecord {
  values: Record<string, unknown>
  /** 1-based line where the record starts. */
  line: number
}

export interface RecordSet {
  names: string[]
  records: SourceRecord[]
  warnings: ImportWarning[]
  fragments: UnparsedFragment[]
  /** The work a JSON document names outside its list ({ movie: {...}, reviews: [...] }). */
  work?: WorkRef | null
}

type RecordSteps = Generator<ParseProgress, RecordSet, void>

/** Keys that hold the list of reviews in scrapers' JSON, best first. */
const LIST_KEYS = [
  'reviews',
  'userReviews',
  'data',
  'items',
  'results',
  'records',
  'entries',
  'rows',
]

export function* readJson(text: string, fileName: string): RecordSteps {
  let root: unknown
  try {
    root = JSON.parse(text)
  } catch (error) {
    throw new BadInputError(`${fileName} is not valid JSON: ${jsonErrorWhere(error, text)}`)
  }
  yield { done: 1, total: 2 }
  const found = findList(root, 0, [])
  if (found === null) throw new BadInputError(`${fileName}: ${wrongShape(root)}`)
  const lines = elementLines(text, found.path)
  const records = found.list.map((item, k) => ({ values: flatten(item), line: lines[k] ?? 1 }))
  return { ...withNames(records, [], []), work: isObject(root) ? rootWork(root) : null }
}

export function* readJsonLines(text: string, fileName: string): RecordSteps {
  const lines = text.split('\n')
  const records: SourceRecord[] = []
  const warnings: ImportWarning[] = []
  const fragments: UnparsedFragment[] = []
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim()
    if (i > 0 && i % PROGRESS_EVERY === 0) yield { done: i, total: lines.length }
    if (line === '') continue
    let value: unknown
    try {
      value = JSON.parse(line)
    } catch {
      value = undefined
    }
    if (isObject(value)) {
      records.push({ values: flatten(value), line: i + 1 })
      continue
    }
    fragments.push({ line: i + 1, text: line })
    warnings.push({
      line: i + 1,
      code: 'unparsed-fragment',
      message: `Line ${i + 1} of ${fileName} is not a JSON object: "${previewOf(line)}"`,
    })
  }
  return withNames(records, warnings, fragments)
}

/**
 * Reads CSV or TSV with papaparse, in slices of whole records (a line break inside quotes does
 * not end a record) so a large file reports progress between slices. The same quote count that
 * finds the slice boundaries gives each record's first line.
 */
export function* readDelimited(text: string, fileName: string, delimiter: string): RecordSteps {
  const lines = text.split('\n')
  let header: string[] | null = null
  const records: SourceRecord[] = []
  let sliceStart = 0
  let starts: number[] = []
  let inQuotes = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? ''
    if (!inQuotes && line !== '') starts.push(i + 1)
    if (quoteCount(line) % 2 === 1) inQuotes = !inQuotes
    const last = i === lines.length - 1
    if (!last && (inQuotes || i - sliceStart < PROGRESS_EVERY)) continue
    const rows = parseSlice(lines.slice(sliceStart, i + 1).join('\n'), delimiter)
    rows.forEach((row, k) => {
      const at = starts[k] ?? starts.at(-1) ?? sliceStart + 1
      if (header === null) header = uniqueNames(row)
      else records.push({ values: rowValues(header, row), line: at })
    })
    sliceStart = i + 1
    starts = []
    if (!last) yield { done: i, total: lines.length }
  }
  if (header === null)
    throw new BadInputError(`${fileName} has no header row: expected column names`)
  return { names: header, records, warnings: [], fragments: [] }
}

function parseSlice(slice: string, delimiter: string): string[][] {
  // Papaparse never throws on malformed quoting: it reads what it can, which is what we want.
  return Papa.parse<string[]>(slice, { delimiter, skipEmptyLines: true }).data
}

function quoteCount(line: string): number {
  let count = 0
  for (let i = line.indexOf('"'); i !== -1; i = line.indexOf('"', i + 1)) count++
  return count
}

function rowValues(header: string[], record: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {}
  header.forEach((name, k) => {
    values[name] = record[k] ?? ''
  })
  return values
}

function uniqueNames(record: string[]): string[] {
  const seen = new Map<string, number>()
  return record.map((raw, k) => {
    const name = raw.trim() === '' ? `column ${k + 1}` : raw.trim()
    const count = seen.get(name) ?? 0
    seen.set(name, count + 1)
    return count === 0 ? name : `${name} (${count + 1})`
  })
}

function withNames(
  records: SourceRecord[],
  warnings: ImportWarning[],
  fragments: UnparsedFragment[],
): RecordSet {
  const names = new Set<string>()
  for (const record of records) for (const key of Object.keys(record.values)) names.add(key)
  return { names: [...names], records, warnings, fragments }
}

/** The array of review objects in a JSON document: the root, a known key, or the first found. */
function findList(
  value: unknown,
  depth: number,
  path: (string | number)[],
): { list: Record<string, unknown>[]; path: (string | number)[] } | null {
  if (Array.isArray(value)) {
    return value.length > 0 && value.every(isObject) ? { list: value, path } : null
  }
  if (!isObject(value) || depth > 3) return null
  const keys = [...LIST_KEYS.filter((key) => key in value), ...Object.keys(value)]
  for (const key of keys) {
    const found = findList(value[key], depth + 1, [...path, key])
    if (found !== null) return found
  }
  return null
}

const WORK_KEYS = ['movie', 'film', 'work', 'title', 'show', 'series']

function rootWork(root: Record<string, unknown>): WorkRef | null {
  for (const key of WORK_KEYS) {
    const value = root[key]
    const source = isObject(value) ? value : root
    const title = isObject(value) ? (value.title ?? value.name) : value
    if (typeof title !== 'string' || title.trim() === '') continue
    const year = Number(source.year ?? source.releaseYear)
    return { title: title.trim(), year: Number.isInteger(year) && year > 1800 ? year : null }
  }
  return null
}

function wrongShape(root: unknown): string {
  const expected = 'expected a list of review objects, or an object with a "reviews" list'
  if (Array.isArray(root)) {
    return root.length === 0
      ? `the JSON list is empty: ${expected}`
      : `the JSON list holds ${typeof root[0]} values, not review objects: ${expected}`
  }
  if (isObject(root)) {
    const keys = Object.keys(root).slice(0, 8).join(', ')
    return `found an object with keys ${keys === '' ? '(none)' : keys} and no list of reviews in it: ${expected}`
  }
  return `the JSON holds a single ${root === null ? 'null' : typeof root}: ${expected}`
}

/** Nested objects become dotted keys ("author.name"); lists of plain values are joined. */
function flatten(value: Record<string, unknown>, prefix = '', depth = 0): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const [key, child] of Object.entries(value)) {
    const name = prefix === '' ? key : `${prefix}.${key}`
    if (isObject(child) && depth < 2) Object.assign(out, flatten(child, name, depth + 1))
    else if (Array.isArray(child) && child.every((c) => !isObject(c) && !Array.isArray(c))) {
      out[name] = child.join(', ')
    } else out[name] = child
  }
  return out
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

function jsonErrorWhere(error: unknown, text: string): string {
  const message = error instanceof Error ? error.message : String(error)
  const position = /position (\d+)/.exec(message)
  if (position === null) return message
  const offset = Number(position[1])
  const line = text.slice(0, offset).split('\n').length
  return `${message.replace(/ in JSON at position \d+.*$/, '')} at line ${line}`
}
