import type {
  ColumnInfo,
  FormatId,
  ImportWarning,
  MappedField,
  ParseOptions,
  ParsedReview,
  UnparsedFragment,
} from '../../../../shared/domain'
import { BadInputError } from '../../errors'
import { previewOf, PROGRESS_EVERY, type ParseProgress, type ParseSteps } from '../parse-util'
import type { RatingScale } from '../rating-scale'
import { columnInfos, mapColumns } from './mapping'
import { readDelimited, readJson, readJsonLines, type RecordSet } from './records'
import { fieldsOf, guessScale, ratingParts, reviewOf, text } from './to-review'

/** No column could be read as the review text: the user must map one (the UI's mapping step). */
export class MappingNeededError extends BadInputError {
  constructor(
    message: string,
    readonly columns: ColumnInfo[],
  ) {
    super(message)
    this.name = 'MappingNeededError'
  }
}

export type TabularFormat = 'json' | 'jsonl' | 'csv' | 'tsv' | 'review-curator-export'

/** JSON, JSON Lines, CSV and TSV from scrapers: one record per review, columns mapped to fields. */
export function* parseTabularSteps(
  text: string,
  fileName: string,
  format: TabularFormat,
  options: ParseOptions,
): ParseSteps {
  // Reading is reported on the first half of the bar, turning records into reviews on the second.
  let readTotal = 1
  const reading = readRecords(text, fileName, format)
  let next = reading.next()
  while (next.done !== true) {
    readTotal = Math.max(1, next.value.total)
    yield { done: next.value.done, total: readTotal * 2 }
    next = reading.next()
  }
  const set = next.value
  const mapping = mapColumns(set.names, options.mapping)
  const columns = columnInfos(set.names, mapping, samplesOf(set))
  if (![...mapping.values()].includes('body')) {
    // A header of a million cells must not become a message of megabytes.
    const shown = set.names.slice(0, 20).join(', ')
    const more = set.names.length > 20 ? ` and ${set.names.length - 20} more` : ''
    const names = set.names.length === 0 ? '(none)' : `${shown}${more}`
    throw new MappingNeededError(
      `${fileName}: no column holds the review text (columns: ${names}); map one of them to the review text`,
      columns,
    )
  }
  const warnings: ImportWarning[] = [...set.warnings]
  const fragments: UnparsedFragment[] = [...set.fragments]
  if (format === 'review-curator-export') {
    warnings.push({
      line: 1,
      code: 'own-export-as-json',
      message: `${fileName} is a Review Curator export read as plain JSON: reviews only, without their curation`,
    })
  }
  const scale = ratingScale(set, mapping, options, warnings)
  const reviews: ParsedReview[] = []
  for (let k = 0; k < set.records.length; k++) {
    const record = set.records[k]
    if (record === undefined) continue
    if (k > 0 && k % PROGRESS_EVERY === 0) {
      yield {
        done: readTotal + Math.floor((k * readTotal) / set.records.length),
        total: readTotal * 2,
      }
    }
    const review = reviewOf(fieldsOf(record.values, mapping), record.line, scale)
    if (review.body === '') {
      const raw = JSON.stringify(record.values)
      fragments.push({ line: record.line, text: raw })
      warnings.push({
        line: record.line,
        code: 'no-text',
        message: `Line ${record.line}: the record there has no review text; kept as an unparsed fragment: ${previewOf(raw)}`,
      })
      continue
    }
    reviews.push(review)
  }
  return {
    format: format as FormatId,
    work: set.work ?? null,
    declaredCount: null,
    incomplete: false,
    reviews,
    warnings,
    fragments,
    columns,
  }
}

function* readRecords(
  text: string,
  fileName: string,
  format: TabularFormat,
): Generator<ParseProgress, RecordSet, void> {
  if (format === 'jsonl') return yield* readJsonLines(text, fileName)
  if (format === 'csv') return yield* readDelimited(text, fileName, csvDelimiter(text))
  if (format === 'tsv') return yield* readDelimited(text, fileName, '\t')
  if (/^\s*\{[^\n]*\}\s*\n\s*\{/.test(text.slice(0, 100000)))
    return yield* readJsonLines(text, fileName)
  return yield* readJson(text, fileName)
}

/** Comma or semicolon (European spreadsheets): whichever the header row has more of. */
export function csvDelimiter(text: string): string {
  const header = text.slice(0, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))
  const count = (c: string): number => header.split(c).length - 1
  if (count('\t') > Math.max(count(','), count(';'))) return '\t'
  return count(';') > count(',') ? ';' : ','
}

function ratingScale(
  set: RecordSet,
  mapping: Map<string, MappedField>,
  options: ParseOptions,
  warnings: ImportWarning[],
): RatingScale {
  if (options.ratingScale !== undefined) return options.ratingScale
  const column = [...mapping].find(([, field]) => field === 'rating')?.[0]
  if (column === undefined) return 10
  let max = 0
  let bare = 0
  for (const record of set.records) {
    const parts = ratingParts(record.values[column])
    if (parts === null || parts.scale !== null) continue
    bare++
    max = Math.max(max, parts.value)
  }
  if (bare === 0) return 10
  const scale = guessScale(max)
  warnings.push({
    line: 1,
    code: 'rating-scale',
    message: `Ratings in "${column}" read as out of ${scale} (the highest is ${max}) and converted to 1-10; choose another scale if that is wrong`,
  })
  return scale
}

function samplesOf(set: RecordSet): Map<string, string[]> {
  const samples = new Map<string, string[]>(set.names.map((name) => [name, []]))
  for (const record of set.records.slice(0, 200)) {
    for (const name of set.names) {
      const list = samples.get(name)
      const value = text(record.values[name]).trim()
      if (list !== undefined && list.length < 3 && value !== '') list.push(previewOf(value, 60))
    }
  }
  return samples
}
