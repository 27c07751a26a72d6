import { parse } from 'csv-parse/sync'

/**
 * Reads an exported CSV/TSV with csv-parse: a different library from the papaparse writer, so a
 * quoting bug in the export cannot be hidden by the same bug in the reader. Throws on malformed
 * input (an unclosed quote, a ragged row).
 */
export function readCsv(
  text: string,
  delimiter = ',',
): { fields: string[]; rows: Record<string, string>[] } {
  const records = parse(text, { delimiter, bom: true, skip_empty_lines: true }) as string[][]
  const [fields = [], ...rest] = records
  const rows = rest.map((r) => Object.fromEntries(fields.map((f, i) => [f, r[i] ?? ''])))
  return { fields, rows }
}
