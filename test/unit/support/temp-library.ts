import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'

export const FIXTURE = fileURLToPath(
  new URL('../../fixtures/imdb/pusher-ii-2004.txt', import.meta.url),
)
export const EXPECTED = fileURLToPath(
  new URL('../../fixtures/imdb/pusher-ii-2004.expected.json', import.meta.url),
)

export async function tempDir(
  prefix = 'rc-test-',
): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) }
}

/**
 * Every file under `dir` with its bytes, to prove a rejected operation (or an undo) changed
 * nothing. library.json's generation number counts commits, so an undo moves it on: it is left out.
 */
export async function snapshotTree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>()
  async function walk(current: string): Promise<void> {
    for (const name of await readdir(current)) {
      const path = join(current, name)
      if (name === '.lock') continue // held by whoever has the library open
      if ((await stat(path)).isDirectory()) await walk(path)
      else {
        let bytes = await readFile(path)
        if (name === 'library.json')
          bytes = Buffer.from(
            bytes.toString('utf8').replace(/"generation": \d+/, '"generation": 0'),
          )
        out.set(relative(dir, path), bytes.toString('base64'))
      }
    }
  }
  await walk(dir)
  return out
}

/** A clock that moves one second per call, so timestamps are distinct and predictable. */
export function steppingClock(start = Date.UTC(2026, 0, 1)): () => Date {
  let t = start
  return () => new Date((t += 1000))
}
