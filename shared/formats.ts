// The import formats: one list that the parsers' registry, the import dialog's format picker and
// file filters, the CLI's --format and the request schema all read. A format is added here and
// in electron/domain/parsers/format-registry.ts (which must then give it a parser).

export const IMPORT_FORMATS = [
  {
    id: 'imdb-title-reviews-text',
    label: 'IMDb user reviews page (copied text)',
    extensions: ['txt', 'text'],
    confident: true,
  },
  {
    id: 'imdb-title-reviews-mobile-text',
    label: 'IMDb user reviews page, mobile layout (copied text)',
    extensions: ['txt', 'text'],
    confident: true,
  },
  {
    id: 'imdb-user-reviews-text',
    label: "IMDb reviewer's own review list (copied text)",
    extensions: ['txt', 'text'],
    confident: true,
  },
  {
    id: 'imdb-single-review-text',
    label: 'IMDb single review page (copied text)',
    extensions: ['txt', 'text'],
    confident: true,
  },
  {
    id: 'imdb-legacy-text',
    label: 'IMDb user reviews page, older layout (copied text)',
    extensions: ['txt', 'text'],
    confident: true,
  },
  {
    id: 'imdb-html',
    label: 'IMDb page saved as HTML',
    extensions: ['html', 'htm'],
    confident: true,
  },
  {
    id: 'generic-text',
    label: 'Review list from another site (best-effort generic parser)',
    extensions: ['txt', 'text'],
    confident: false,
  },
  { id: 'json', label: 'JSON', extensions: ['json'], confident: false },
  { id: 'jsonl', label: 'JSON Lines', extensions: ['jsonl', 'ndjson'], confident: false },
  { id: 'csv', label: 'CSV', extensions: ['csv'], confident: false },
  { id: 'tsv', label: 'TSV', extensions: ['tsv'], confident: false },
  {
    id: 'review-curator-export',
    label: 'Review Curator export',
    extensions: ['json', 'jsonl'],
    confident: true,
  },
] as const

export type FormatId = (typeof IMPORT_FORMATS)[number]['id']

export const FORMAT_IDS = IMPORT_FORMATS.map((f) => f.id) as [FormatId, ...FormatId[]]

export const FORMAT_LABELS = Object.fromEntries(
  IMPORT_FORMATS.map((f) => [f.id, f.label]),
) as Readonly<Record<FormatId, string>>

/** Every extension some format reads, for the Open dialog's filter. */
export const IMPORT_EXTENSIONS = [...new Set(IMPORT_FORMATS.flatMap((f) => f.extensions))]

/** Formats whose reading is certain enough to import without a preview when chosen as a file. */
export function isConfidentFormat(format: FormatId | null): boolean {
  return IMPORT_FORMATS.some((f) => f.id === format && f.confident)
}
