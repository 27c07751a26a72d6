import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { importPaths } from '../../../electron/app/import/run-import'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

// kill -9 at random moments while CLI edits and imports run: every acknowledged command must
// survive, no import may be half there, and the next command must work. `npm run torture` runs
// many more rounds (CRASH_ROUNDS).

const WORKER = fileURLToPath(new URL('../support/crash-worker.ts', import.meta.url))
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const ROUNDS = Number(process.env.CRASH_ROUNDS ?? 24)

let root: string
let cleanup: () => Promise<void>
let dir: string
let idsFile: string
let inputs: string
let worker: string
beforeAll(async () => {
  ;({ dir: root, cleanup } = await tempDir())
  dir = join(root, 'lib')
  inputs = join(root, 'inputs')
  await mkdir(inputs)
  const library = await openLibrary(dir)
  await importPaths(library, [FIXTURE])
  idsFile = join(root, 'ids.json')
  await writeFile(idsFile, JSON.stringify([...library.allReviews()].map((r) => r.id)))
  await library.close()
  // Bundled once, so each round starts a plain node in milliseconds rather than compiling again.
  worker = join(root, 'crash-worker.mjs')
  await build({
    entryPoints: [WORKER],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: worker,
    logLevel: 'error',
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  })
})
afterAll(() => cleanup())

/** A small seeded generator, so a failing round can be told apart and rerun. */
function random(seed: number): () => number {
  let s = seed * 2654435761
  return () => ((s = (s * 1103515245 + 12345) >>> 0) % 10_000) / 10_000
}

async function crashRound(seed: number, delayMs: number): Promise<string[]> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', WORKER, dir, inputs, String(seed), idsFile],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  )
  let out = ''
  child.stdout.on('data', (d: Buffer) => (out += d.toString()))
  const exited = once(child, 'exit')
  while (!out.includes('ready\n')) await Promise.race([once(child.stdout, 'data'), exited])
  await new Promise((ok) => setTimeout(ok, delayMs))
  child.kill('SIGKILL')
  await exited
  const lines = out.split('\n')
  const failed = lines.find((l) => l.startsWith('fail '))
  if (failed) throw new Error(`round ${seed}: ${failed}`)
  // A line cut off by the kill was never acknowledged.
  return lines.slice(0, out.endsWith('\n') ? -1 : -2).filter((l) => l.startsWith('ack '))
}

describe('crash harness', () => {
  it(`loses no acknowledged edit or import over ${ROUNDS} kill -9s`, async () => {
    const rand = random(7)
    const acked: string[] = []
    for (let round = 0; round < ROUNDS; round++) {
      acked.push(...(await crashRound(round, 20 + Math.floor(rand() * 800))))

      const next = await runCliCaptured(['reviews', '--json', '--library', dir], inputs)
      expect(next.code, next.err).toBe(0)
      const library = await openLibrary(dir)
      try {
        for (const line of acked) {
          const [, kind, ...rest] = line.split(' ')
          if (kind === 'tag') expect(library.getCuration(rest[0]!).tags, line).toContain(rest[1])
          else {
            const work = library.allWorks().find((w) => w.title === rest.join(' '))
            expect(work, line).toBeDefined()
            expect(library.reviewsOfWork(work!.id), line).toHaveLength(2)
          }
        }
        // No half import: every work has its import record and every record its works.
        const recorded = new Set(library.imports.flatMap((i) => i.workIds))
        expect(library.allWorks().filter((w) => !recorded.has(w.id))).toEqual([])
        for (const id of recorded) expect(library.reviewsOfWork(id).length).toBeGreaterThan(0)
      } finally {
        await library.close()
      }
    }
    console.log(`${ROUNDS} rounds, ${acked.length} acknowledged commands survived`)
    expect(acked.some((l) => l.startsWith('ack import'))).toBe(true)
    expect(acked.some((l) => l.startsWith('ack tag'))).toBe(true)
  }, 600_000)
})
