import { z } from 'zod'
import { Empty, res } from './schema-helpers'

// How the workspace is laid out for one library: pane widths, collapsed panes and the list's
// columns. Kept in library.json, so a library opened on another machine looks the same.

/** The list's columns, in display order; the headline column is always shown. */
export const LIST_COLUMNS = [
  'rating',
  'mine',
  'headline',
  'author',
  'date',
  'helpful',
  'tags',
  'spoiler',
] as const
export type ListColumn = (typeof LIST_COLUMNS)[number]

const Width = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number of pixels')
    .min(min, `must be at least ${min} pixels`)
    .max(max, `must be at most ${max} pixels`)

export const PANE_LIMITS = {
  sidebar: { min: 160, max: 480 },
  reader: { min: 300, max: 1600 },
  column: { min: 32, max: 600 },
} as const

export const WorkspaceLayout = z
  .object({
    sidebar: z
      .object({
        width: Width(PANE_LIMITS.sidebar.min, PANE_LIMITS.sidebar.max),
        collapsed: z.boolean(),
      })
      .strict(),
    reader: z
      .object({
        /** null until the user resizes it: the reader then takes its default share. */
        width: Width(PANE_LIMITS.reader.min, PANE_LIMITS.reader.max).nullable(),
        collapsed: z.boolean(),
      })
      .strict(),
    columns: z
      .object({
        visible: z
          .array(z.enum(LIST_COLUMNS))
          .max(LIST_COLUMNS.length)
          .refine((list) => new Set(list).size === list.length, 'lists a column twice'),
        /** Pixel widths of the fixed columns (the headline column takes what is left). */
        widths: z.partialRecord(
          z.enum(LIST_COLUMNS),
          Width(PANE_LIMITS.column.min, PANE_LIMITS.column.max),
        ),
      })
      .strict(),
  })
  .strict()
export type WorkspaceLayout = z.infer<typeof WorkspaceLayout>

export const DEFAULT_LAYOUT: WorkspaceLayout = {
  sidebar: { width: 220, collapsed: false },
  reader: { width: null, collapsed: false },
  columns: { visible: ['rating', 'mine', 'headline', 'helpful'], widths: {} },
}

export const layoutChannels = {
  /** The library's layout, or the default when it has none (or a damaged one). */
  'layout:get': { req: Empty, res: res<WorkspaceLayout>() },
  /** Remembers the layout; not an edit of the library, so it is not in the undo history. */
  'layout:set': { req: WorkspaceLayout, res: res<WorkspaceLayout>() },
} as const
