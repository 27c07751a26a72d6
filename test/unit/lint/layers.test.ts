import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { ESLint } from 'eslint'
import { beforeAll, describe, expect, it } from 'vitest'

// The layer rules of eslint.config.js, proven to fire: each case lints a few lines as if they
// were a file in that folder (nothing is written there) and expects the zone's error, or none.

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..')
let eslint: ESLint

beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT })
})

async function layerErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths')
    .map((m) => m.message)
}

const use = (from: string) => `import * as probe from '${from}'\nexport const used = probe\n`

describe('lint keeps the layers apart', () => {
  it.each([
    ['renderer/src/components/Probe.tsx', '../../../electron/domain/errors', /window\.curator/],
    ['renderer/src/Probe.ts', '../../electron/app/dispatch', /window\.curator/],
    ['shared/probe.ts', '../electron/domain/errors', /shared\/ is the contract/],
    ['shared/channels/probe.ts', '../../renderer/src/format', /shared\/ is the contract/],
    ['electron/domain/probe.ts', '../app/dispatch', /domain is pure/],
    ['electron/domain/export/probe.ts', '../../main/own-page', /domain is pure/],
    ['electron/domain/probe.ts', '../cli/run', /domain is pure/],
    ['electron/app/probe.ts', '../main/own-page', /Use cases serve/],
    ['electron/app/probe.ts', '../cli/run', /Use cases serve/],
    ['electron/cli/probe.ts', '../main/own-page', /runs without Electron/],
  ])('%s may not import %s', async (file, from, message) => {
    const errors = await layerErrors(file, use(from))
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(message)
  })

  it.each([
    ['electron/app/probe.ts', '../domain/errors'],
    ['electron/main/probe.ts', '../app/dispatch'],
    ['electron/cli/probe.ts', '../app/commands/curate'],
    ['electron/domain/probe.ts', '../../shared/formats'],
    ['renderer/src/Probe.ts', '../../shared/formats'],
  ])('%s may import %s', async (file, from) => {
    expect(await layerErrors(file, use(from))).toEqual([])
  })

  it('refuses an import cycle', async () => {
    const linter = new ESLint({ cwd: ROOT, ignore: false })
    const results = await linter.lintFiles(['test/fixtures/layers/cycle-a.ts'])
    const cycles = results
      .flatMap((r) => r.messages)
      .filter((m) => m.ruleId === 'import-x/no-cycle')
    expect(cycles.length).toBeGreaterThan(0)
  })
})
