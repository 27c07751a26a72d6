import { randomBytes } from 'node:crypto'
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { z } from 'zod'
import { WindowStateSchema } from './window-state'

// The desktop shell's own settings (window state, theme, recent files), kept apart from the
// library: losing them costs a window position, never a review. Written whole and atomically.

export const THEME_SOURCES = ['system', 'light', 'dark'] as const
export type ThemeSource = (typeof THEME_SOURCES)[number]

export const MAX_RECENT = 10

const PrefsSchema = z.object({
  schemaVersion: z.literal(1),
  window: WindowStateSchema.nullable().catch(null),
  theme: z.enum(THEME_SOURCES).catch('system'),
  recent: z.array(z.string().min(1).max(4096)).max(MAX_RECENT).catch([]),
})
export type DesktopPrefs = z.infer<typeof PrefsSchema>

export const DEFAULT_PREFS: DesktopPrefs = {
  schemaVersion: 1,
  window: null,
  theme: 'system',
  recent: [],
}

export interface PrefsRead {
  prefs: DesktopPrefs
  /** Why the file was not used as it stood, for the log; null when it was read cleanly or absent. */
  problem: string | null
}

/** Reads the file; a missing, unreadable or foreign file gives the defaults and says why. */
export async function readPrefs(path: string): Promise<PrefsRead> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT')
      return { prefs: DEFAULT_PREFS, problem: null }
    return { prefs: DEFAULT_PREFS, problem: `${path}: ${(e as Error).message}` }
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    return { prefs: DEFAULT_PREFS, problem: `${path}: not JSON (${(e as Error).message})` }
  }
  const parsed = PrefsSchema.safeParse(raw)
  if (!parsed.success) {
    return { prefs: DEFAULT_PREFS, problem: `${path}: not a settings file of this version` }
  }
  return { prefs: parsed.data, problem: null }
}

/** Writes a temporary file next to it, then renames: a crash leaves the old file or the new one. */
export async function writePrefs(path: string, prefs: DesktopPrefs): Promise<void> {
  await mkdir(dirname(path), { recursive: true })
  const temp = `${path}.${randomBytes(4).toString('hex')}.tmp`
  try {
    await writeFile(temp, `${JSON.stringify(prefs, null, 2)}\n`)
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}

/** Most recent first, each file once; paths compare exactly (case matters on Linux). */
export function withRecent(recent: readonly string[], path: string, max = MAX_RECENT): string[] {
  return [path, ...recent.filter((p) => p !== path)].slice(0, max)
}

export interface PrefsStore {
  get(): DesktopPrefs
  /** Applies the change at once in memory; writes are queued so the file ends as the last change. */
  update(change: (prefs: DesktopPrefs) => DesktopPrefs): Promise<void>
  /** Resolves when every queued write has finished (before the app exits). */
  flushed(): Promise<void>
}

export function createPrefsStore(
  path: string,
  initial: DesktopPrefs,
  onWriteError: (error: unknown) => void,
): PrefsStore {
  let current = initial
  let queue: Promise<void> = Promise.resolve()
  return {
    get: () => current,
    update(change) {
      current = change(current)
      const snapshot = current
      queue = queue.then(() => writePrefs(path, snapshot)).catch(onWriteError)
      return queue
    },
    flushed: () => queue,
  }
}
