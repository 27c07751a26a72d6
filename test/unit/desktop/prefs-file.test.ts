import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createPrefsStore,
  DEFAULT_PREFS,
  readPrefs,
  withRecent,
  writePrefs,
} from '../../../electron/desktop/prefs-file'

let dir: string
let path: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curator-prefs-'))
  path = join(dir, 'desktop-settings.json')
})
afterEach(() => rm(dir, { recursive: true, force: true }))

const saved = {
  schemaVersion: 1 as const,
  window: { bounds: { x: 10, y: 20, width: 900, height: 600 }, maximized: true },
  theme: 'dark' as const,
  recent: ['/a/one.txt'],
}

describe('desktop settings file', () => {
  it('gives the defaults, quietly, when there is no file yet', async () => {
    expect(await readPrefs(path)).toEqual({ prefs: DEFAULT_PREFS, problem: null })
  })

  it('reads back what it wrote, and leaves no temporary file', async () => {
    await writePrefs(path, saved)
    expect(await readPrefs(path)).toEqual({ prefs: saved, problem: null })
    expect(await readdir(dir)).toEqual(['desktop-settings.json'])
  })

  it('falls back to the defaults on a damaged file, says where, and leaves the file as it was', async () => {
    await writeFile(path, '{"schemaVersion": 1, "theme": ')
    const read = await readPrefs(path)
    expect(read.prefs).toEqual(DEFAULT_PREFS)
    expect(read.problem).toContain(path)
    expect(read.problem).toMatch(/not JSON/)
    expect(await readFile(path, 'utf8')).toBe('{"schemaVersion": 1, "theme": ')
  })

  it('keeps the good fields of a file with one bad field', async () => {
    await writeFile(path, JSON.stringify({ ...saved, theme: 'sepia', window: { bounds: 'x' } }))
    const { prefs } = await readPrefs(path)
    expect(prefs.theme).toBe('system')
    expect(prefs.window).toBeNull()
    expect(prefs.recent).toEqual(['/a/one.txt'])
  })

  it('refuses a file of another version', async () => {
    await writeFile(path, JSON.stringify({ ...saved, schemaVersion: 2 }))
    expect((await readPrefs(path)).problem).toMatch(/not a settings file of this version/)
  })

  it('ends with the last change when changes come faster than writes', async () => {
    const store = createPrefsStore(path, DEFAULT_PREFS, (e) => {
      throw e
    })
    void store.update((p) => ({ ...p, theme: 'dark' }))
    void store.update((p) => ({ ...p, theme: 'light' }))
    expect(store.get().theme).toBe('light')
    await store.flushed()
    expect((await readPrefs(path)).prefs.theme).toBe('light')
  })
})

describe('withRecent', () => {
  it('puts the newest first, each file once, and keeps at most the maximum', () => {
    expect(withRecent(['/b', '/a'], '/a')).toEqual(['/a', '/b'])
    expect(withRecent(['/b', '/c'], '/a', 2)).toEqual(['/a', '/b'])
    const twelve = Array.from({ length: 12 }, (_, i) => `/f${i}`)
    expect(withRecent(twelve, '/new')).toEqual(['/new', ...twelve.slice(0, 9)])
  })
})
