import { resolve } from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

// Components give commands through hooks; only hooks (and the data layer they use) talk to main.
// This runs the project's own ESLint config on small sources placed at renderer paths.
const ROOT = resolve(import.meta.dirname, '../../..')
const eslint = new ESLint({ cwd: ROOT })

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(ROOT, filePath) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
    .map((m) => m.message)
}

describe('renderer components cannot call IPC', { timeout: 60_000 }, () => {
  it('rejects a component importing the IPC module or the data layer', async () => {
    const api = await restrictedImports(
      "import { invoke } from '../api'\nexport const x = invoke\n",
      'renderer/src/components/Fake.tsx',
    )
    expect(api).toEqual([expect.stringContaining('only hooks talk to main')])
    const data = await restrictedImports(
      "import { curationActions } from '../data/curation-actions'\nexport const x = curationActions\n",
      'renderer/src/components/Fake.tsx',
    )
    expect(data).toHaveLength(1)
  })

  it('lets hooks import it, and components import hooks', async () => {
    expect(
      await restrictedImports(
        "import { invoke } from '../api'\nexport const x = invoke\n",
        'renderer/src/hooks/useFake.ts',
      ),
    ).toEqual([])
    expect(
      await restrictedImports(
        "import { useCuration } from '../hooks/useCuration'\nexport const x = useCuration\n",
        'renderer/src/components/Fake.tsx',
      ),
    ).toEqual([])
  })
})
