import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createImportHandlers } from '../../../electron/app/handlers/import-handlers'
import { importPaths } from '../../../electron/app/import/run-import'
import {
  ImportCancelledError,
  runInSlices,
  type StepProgress,
} from '../../../electron/domain/import/run-steps'
import { FIXTURE, snapshotTree } from '../support/temp-library'
import { importHarness, type Harness } from './support'

function* counting(n: number): Generator<StepProgress, string, void> {
  for (let i = 0; i < n; i++) yield { done: i, total: n }
  return 'done'
}

/** A clock that moves 10 ms per reading, so slices end after a known number of steps. */
function fakeClock() {
  let t = 0
  return () => (t += 10)
}

describe('runInSlices', () => {
  it('runs a generator to its result, reporting progress between slices', async () => {
    const seen: number[] = []
    const result = await runInSlices(counting(50), {
      sliceMs: 30,
      clock: fakeClock(),
      onProgress: (p) => seen.push(p.done),
    })
    expect(result).toBe('done')
    expect(seen.length).toBeGreaterThan(5)
    expect(seen).toEqual([...seen].sort((a, b) => a - b))
  })

  it('stops at the next slice once the signal is aborted', async () => {
    const controller = new AbortController()
    let slices = 0
    await expect(
      runInSlices(counting(1000), {
        sliceMs: 30,
        clock: fakeClock(),
        signal: controller.signal,
        onProgress: () => {
          if (++slices === 3) controller.abort()
        },
      }),
    ).rejects.toBeInstanceOf(ImportCancelledError)
    expect(slices).toBe(3)
  })
})

describe('cancelling an import', () => {
  let h: Harness
  beforeEach(async () => {
    h = await importHarness()
    await importPaths(h.library, [FIXTURE])
  })
  afterEach(() => h.cleanup())

  it('a cancel while parsing leaves the library byte-identical', async () => {
    const before = await snapshotTree(h.library.dir)
    const controller = new AbortController()
    const newer = join(h.dir, 'newer.txt')
    await writeFile(newer, (await readFile(FIXTURE, 'utf8')).replace('54 out of 62', '9 out of 9'))
    await expect(
      importPaths(h.library, [newer], {
        signal: controller.signal,
        onProgress: (phase) => {
          if (phase === 'parsing' || phase === 'reading') controller.abort()
        },
      }),
    ).rejects.toThrow(/cancelled; the library is unchanged/)
    expect(await snapshotTree(h.library.dir)).toEqual(before)
    expect(h.library.history.entries()).toHaveLength(1)
  })

  it('import:cancel stops a running preview, which then rejects as cancelled', async () => {
    const before = await snapshotTree(h.library.dir)
    const events: unknown[] = []
    // Cancel on the first progress report, as the window's Cancel button would mid-import.
    const handlers: ReturnType<typeof createImportHandlers> = createImportHandlers({
      library: h.library,
      chooseImportFiles: async () => [],
      sample: { fileName: 's.txt', content: '' },
      emit: (event, payload) => {
        events.push(payload)
        if (event === 'import:progress' && events.length === 1) void handlers['import:cancel']({})
      },
    })
    const content = await readFile(FIXTURE, 'utf8')
    await expect(
      handlers['import:preview']({ source: { kind: 'text', fileName: 'big.txt', content } }),
    ).rejects.toMatchObject({ code: 'cancelled' })
    expect(await snapshotTree(h.library.dir)).toEqual(before)
    expect(events.at(-1)).toMatchObject({ active: false })
  })
})
