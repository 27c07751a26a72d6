import type { FormatId } from '../../../../shared/domain'
import { looksLikeReviewHeader } from './mapping'
import { csvDelimiter, type TabularFormat } from './parse-tabular'

/** JSON by its first character, JSON Lines by whole-object lines, CSV/TSV by name or header row. */
export function detectTabular(text: string, fileName: string): TabularFormat | null {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? ''
  const head = text.slice(0, 4096).trimStart()
  if (head.startsWith('{') || head.startsWith('[')) {
    if (/"schema"\s*:\s*"review-curator-export"/.test(head)) return 'review-curator-export'
    if (ext === 'jsonl' || ext === 'ndjson' || isJsonLines(text)) return 'jsonl'
    return 'json'
  }
  if (ext === 'tsv' || ext === 'tab') return 'tsv'
  if (ext === 'csv') return 'csv'
  const firstLine = head.slice(0, head.indexOf('\n') === -1 ? head.length : head.indexOf('\n'))
  const delimiter = csvDelimiter(firstLine)
  const names = firstLine.split(delimiter).map((n) => n.trim().replace(/^"|"$/g, ''))
  if (names.length < 2 || names.some((n) => n.length > 40)) return null
  if (!looksLikeReviewHeader(names)) return null
  return delimiter === '\t' ? 'tsv' : 'csv'
}

function isJsonLines(text: string): boolean {
  const lines = text
    .slice(0, 200000)
    .split('\n', 3)
    .filter((line) => line.trim() !== '')
  if (lines.length < 2) return false
  return lines.slice(0, 2).every((line) => {
    try {
      const value: unknown = JSON.parse(line)
      return typeof value === 'object' && value !== null && !Array.isArray(value)
    } catch {
      return false
    }
  })
}

export type { FormatId }
