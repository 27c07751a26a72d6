import { z } from 'zod'
import type { BylineSplit, FormatId, ImportWarning, UnparsedFragment, WorkRef } from '../domain'
import { Empty, res } from './schema-helpers'

export interface FileImportReport {
  fileName: string
  format: FormatId
  works: WorkRef[]
  found: number
  declared: number | null
  incomplete: boolean
  added: number
  updated: number
  unchanged: number
  ambiguousBylines: { line: number; bylineRaw: string; alternatives: BylineSplit[] }[]
  warnings: ImportWarning[]
  fragments: UnparsedFragment[]
}

export interface ImportReport {
  files: FileImportReport[]
}

export const importChannels = {
  'import:choose': { req: Empty, res: res<ImportReport | null>() },
  'import:text': {
    req: z
      .object({
        fileName: z.string().min(1).max(500),
        content: z.string().max(512 * 1024 * 1024),
      })
      .strict(),
    res: res<ImportReport>(),
  },
  'import:sample': { req: Empty, res: res<ImportReport>() },
} as const
