import { z } from 'zod'
import { ReviewQuery } from '../query'
import { res } from './schema-helpers'

export const EXPORT_FORMATS = ['json', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface ExportResult {
  fileName: string
  count: number
}

export const exportChannels = {
  'export:save': {
    req: z.object({ format: z.enum(EXPORT_FORMATS), query: ReviewQuery }).strict(),
    res: res<ExportResult | null>(),
  },
} as const
