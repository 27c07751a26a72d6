import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { listPackage } from '@electron/asar'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

// Runs electron-builder for real (`--dir`, Linux) on a copy of the project's packaging inputs:
// package.json and build/, a stand-in out/ and a stand-in Electron binary carrying the fuse wire,
// and decoys where the sources, tests and fixtures live. Then reads what went into app.asar and
// which fuses were flipped. Nothing is downloaded and the repository's own out/ is not touched.
const ROOT = resolve(import.meta.dirname, '../../..')
const SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'
// @electron/fuses' V1 wire order.
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const

// The fuses the README promises: no running as plain Node, no NODE_OPTIONS or --inspect, and only
// the integrity-checked app.asar is loaded.
const SECURITY_FUSES: Record<string, boolean> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
}

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { dev?: boolean; devOptional?: boolean }>
}

let dir: string
let entries: string[]
let wire: Record<string, boolean>

function write(path: string, text: string) {
  mkdirSync(dirname(path), { recursive: true })
  writeFileSync(path, text)
}

function runBuilder(args: string[], cwd: string): Promise<{ code: number | null; log: string }> {
  return new Promise((done, fail) => {
    const cli = join(ROOT, 'node_modules', 'electron-builder', 'cli.js')
    const child = spawn(process.execPath, [cli, ...args], {
      cwd,
      // Unsigned, unpublished, and no Electron download (electronDist below).
      env: { ...process.env, CSC_IDENTITY_AUTO_DISCOVERY: 'false' },
    })
    let log = ''
    child.stdout.on('data', (c) => (log += c))
    child.stderr.on('data', (c) => (log += c))
    child.on('error', fail)
    child.on('close', (code) => done({ code, log }))
  })
}

const linux = process.platform === 'linux'

beforeAll(async () => {
  if (!linux) return
  dir = await mkdtemp(join(tmpdir(), 'curator-package-'))
  const project = join(dir, 'project')
  cpSync(join(ROOT, 'package.json'), join(project, 'package.json'))
  cpSync(join(ROOT, 'build'), join(project, 'build'), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(project, 'node_modules'), 'dir')
  write(join(project, 'out/main/index.js'), 'export {}\n')
  write(join(project, 'out/main/cli.js'), 'export {}\n')
  write(join(project, 'out/preload/index.cjs'), '"use strict"\n')
  write(join(project, 'out/renderer/index.html'), '<!doctype html><title>x</title>\n')
  for (const decoy of [
    'electron/main/index.ts',
    'renderer/src/App.tsx',
    'shared/contract.ts',
    'test/unit/a.test.ts',
    'test/fixtures/imdb/page.txt',
    'scripts/start.mjs',
    'README.md',
    'tsconfig.json',
    'electron.vite.config.ts',
  ])
    write(join(project, decoy), 'decoy\n')

  // A stand-in for the Electron binary: only the fuse wire matters to electron-builder. Each
  // fuse starts opposite to what the config asks, so an unflipped fuse shows.
  const dist = join(dir, 'electron-dist')
  const initial = FUSES.map((f) =>
    f in SECURITY_FUSES ? (SECURITY_FUSES[f] ? '0' : '1') : '1',
  ).join('')
  write(join(dist, 'version'), '45.4.1')
  write(join(dist, 'LICENSE'), 'stand-in\n')
  write(join(dist, 'electron'), `#!/bin/sh\n${SENTINEL}\u0001\u0008${initial}\n`)

  const output = join(dir, 'output')
  const result = await runBuilder(
    [
      '--dir',
      '--linux',
      '--x64',
      '--publish',
      'never',
      '--projectDir',
      project,
      `-c.electronDist=${dist}`,
      '-c.electronVersion=45.4.1',
      `-c.directories.output=${output}`,
    ],
    project,
  )
  if (result.code !== 0) throw new Error(`electron-builder failed:\n${result.log}`)
  const unpacked = join(output, 'linux-unpacked')
  entries = listPackage(join(unpacked, 'resources', 'app.asar'), { isPack: false })
  const binary = readFileSync(join(unpacked, pkg.build.linux.executableName)).toString('latin1')
  const at = binary.indexOf(SENTINEL) + SENTINEL.length + 2
  wire = Object.fromEntries(FUSES.map((f, i) => [f, binary[at + i] === '1']))
}, 240_000)

afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true })
})

/** "node_modules/a/node_modules/@s/b" for "/node_modules/a/node_modules/@s/b/lib/x.js". */
function packageDir(entry: string): string | null {
  const parts = entry.replace(/^\//, '').split('/')
  let end = -1
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== 'node_modules' || i + 1 >= parts.length) continue
    const scoped = parts[i + 1]!.startsWith('@')
    // A scope folder left empty (electron-builder drops @types' files) is not a package.
    if (scoped && i + 2 >= parts.length) break
    end = scoped ? i + 2 : i + 1
    i = end
  }
  return end < 0 ? null : parts.slice(0, end + 1).join('/')
}

describe.skipIf(!linux)('the packaged app', () => {
  it('holds the build output and package.json, and no sources, tests or fixtures', () => {
    const own = entries.filter((e) => !e.startsWith('/node_modules'))
    expect(own).toContain('/out/main/index.js')
    expect(own).toContain('/out/preload/index.cjs')
    expect(own).toContain('/out/renderer/index.html')
    expect(own).toContain('/package.json')
    const files = own.filter((e) => /\.[a-z]+$/.test(e))
    expect(files.filter((e) => !e.startsWith('/out/') && e !== '/package.json')).toEqual([])
  })

  it('holds every production dependency and no development one', () => {
    // By name: electron-builder lays node_modules out its own way (it may nest a package that
    // npm hoisted), so the lockfile's paths and the package's need not match.
    const nameOf = (dir: string) =>
      dir.slice(dir.lastIndexOf('node_modules/') + 'node_modules/'.length)
    const production = new Set(
      Object.entries(lock.packages)
        .filter(([path, p]) => path.includes('node_modules/') && !p.dev && !p.devOptional)
        .map(([path]) => nameOf(path)),
    )
    const packaged = new Set(
      entries
        .map(packageDir)
        .filter((p): p is string => p !== null)
        .map(nameOf),
    )
    for (const name of Object.keys(pkg.dependencies)) expect(packaged).toContain(name)
    expect([...packaged].filter((name) => !production.has(name))).toEqual([])
  })

  it('sets the Electron fuses the README lists', () => {
    for (const [fuse, on] of Object.entries(SECURITY_FUSES)) expect(wire[fuse], fuse).toBe(on)
  })
})
