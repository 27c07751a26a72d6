import { z } from 'zod'

// Where the main window was, restored on the next start but never onto a screen that is gone or
// smaller now: a window restored off every display cannot be found by its user.

export interface Rect {
  x: number
  y: number
  width: number
  height: number
}

export const WindowStateSchema = z
  .object({
    bounds: z.object({
      x: z.number().int(),
      y: z.number().int(),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
    }),
    maximized: z.boolean(),
  })
  .strict()
export type WindowState = z.infer<typeof WindowStateSchema>

export const DEFAULT_SIZE = { width: 1280, height: 820 }
export const MIN_SIZE = { width: 800, height: 500 }
/** A window showing less than this much of itself on a display counts as off that display. */
const MIN_VISIBLE = 100

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  }
}

function centred(size: { width: number; height: number }, area: Rect): Rect {
  const width = Math.min(size.width, area.width)
  const height = Math.min(size.height, area.height)
  return {
    x: area.x + Math.round((area.width - width) / 2),
    y: area.y + Math.round((area.height - height) / 2),
    width,
    height,
  }
}

/**
 * The bounds to open the window with. `workAreas` are the displays' work areas, primary first.
 * Saved bounds on a display that still exists are kept, shrunk to fit it and moved fully onto
 * it; bounds on no display (a monitor unplugged) are centred on the primary one. With no saved
 * state the window gets the default size, centred.
 */
export function restoredBounds(saved: WindowState | null, workAreas: readonly Rect[]): Rect | null {
  const primary = workAreas[0]
  if (!primary) return saved?.bounds ?? null
  if (!saved) return centred(DEFAULT_SIZE, primary)
  const { bounds } = saved
  let best: Rect | null = null
  let bestArea = 0
  for (const area of workAreas) {
    const o = overlap(bounds, area)
    if (
      o.width >= Math.min(MIN_VISIBLE, bounds.width) &&
      o.height >= Math.min(MIN_VISIBLE, bounds.height)
    ) {
      if (o.width * o.height > bestArea) {
        best = area
        bestArea = o.width * o.height
      }
    }
  }
  if (!best) return centred(bounds, primary)
  const width = Math.min(Math.max(bounds.width, Math.min(MIN_SIZE.width, best.width)), best.width)
  const height = Math.min(
    Math.max(bounds.height, Math.min(MIN_SIZE.height, best.height)),
    best.height,
  )
  const x = Math.min(Math.max(bounds.x, best.x), best.x + best.width - width)
  const y = Math.min(Math.max(bounds.y, best.y), best.y + best.height - height)
  return { x, y, width, height }
}
