import type { FormatId, MappedField } from '../../shared/domain'

export const FORMAT_LABELS: Record<FormatId, string> = {
  'imdb-title-reviews-text': 'IMDb user reviews page (copied text)',
  'imdb-title-reviews-mobile-text': 'IMDb user reviews page, mobile layout (copied text)',
  'imdb-user-reviews-text': "IMDb reviewer's own review list (copied text)",
  'imdb-single-review-text': 'IMDb single review page (copied text)',
  'imdb-legacy-text': 'IMDb user reviews page, older layout (copied text)',
  'imdb-html': 'IMDb page saved as HTML',
  'generic-text': 'Review list from another site (best-effort generic parser)',
  json: 'JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  tsv: 'TSV',
  'review-curator-export': 'Review Curator export',
}

export const FIELD_LABELS: Record<MappedField, string> = {
  body: 'Review text',
  rating: 'Rating',
  author: 'Author',
  date: 'Date',
  title: 'Headline',
  helpful: 'Helpful votes (yes)',
  helpfulTotal: 'Helpful votes (total)',
  spoiler: 'Spoiler flag',
  work: 'Work title',
  year: 'Work year',
  ignore: '— ignore —',
}

/** Formats whose reading is certain enough to import without a preview when chosen as a file. */
export function isConfidentFormat(format: FormatId | null): boolean {
  return (
    format !== null &&
    format !== 'generic-text' &&
    format !== 'json' &&
    format !== 'jsonl' &&
    format !== 'csv' &&
    format !== 'tsv'
  )
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
