import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The README's Node requirement is package.json's `engines`; these keep it honest against what
// the pinned packages declare, so `npm install` on a documented Node prints no EBADENGINE warning.
const ROOT = resolve(import.meta.dirname, '../../..')
const semver = createRequire(import.meta.url)('semver') as {
  satisfies(version: string, range: string): boolean
  minVersion(range: string): { version: string } | null
}

const readJson = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
const engines: string = readJson('package.json').engines.node
// The lowest version of each alternative of the range ("^22.13.0 || >=24.0.0" → 22.13.0, 24.0.0).
const floors = engines.split('||').map((part) => semver.minVersion(part.trim())!.version)

describe('Node requirement', () => {
  it.each(floors)('Node %s satisfies every installed package that declares engines', (node) => {
    const lock = readJson('package-lock.json') as {
      packages: Record<string, { engines?: { node?: string }; optional?: boolean }>
    }
    const refused = Object.entries(lock.packages)
      .filter(([name, p]) => name !== '' && !p.optional && p.engines?.node)
      .filter(([, p]) => !semver.satisfies(node, p.engines!.node!))
      .map(([name, p]) => `${name} wants ${p.engines!.node}`)
    expect(refused).toEqual([])
  })

  it('the README and the GitHub workflow name a Node the range accepts', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8')
    const stated = /You need Node\.js (\d+)\.(\d+)\+/.exec(readme)
    expect(stated, 'README states "You need Node.js X.Y+"').not.toBeNull()
    expect(floors).toContain(`${stated![1]}.${stated![2]}.0`)

    const workflow = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')
    const versions = [...workflow.matchAll(/node-version:\s*'?(\d+)(?:\.(\d+))?'?/g)]
    expect(versions.length).toBeGreaterThan(0)
    // setup-node resolves a bare major to its newest release.
    for (const [, major, minor] of versions)
      expect(semver.satisfies(`${major}.${minor ?? 999}.0`, engines), `node-version ${major}`).toBe(
        true,
      )
  })
})
