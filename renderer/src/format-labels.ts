import type { MappedField } from '../../shared/domain'

export { FORMAT_LABELS, isConfidentFormat } from '../../shared/formats'

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

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
