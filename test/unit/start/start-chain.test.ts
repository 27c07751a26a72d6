import { spawn } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { platformExecutable } from '../../../scripts/electron-runtime.mjs'

// `npm start` is glue around three things we do not own (Electron's installer, electron-vite,
// the Electron binary). These tests replace the binary and the network, and check the glue: it
// fetches when the runtime is missing, explains a failed fetch in plain lines, builds, and
// launches the built app with the user's arguments.
const ROOT = resolve(import.meta.dirname, '../../..')
const START = join(ROOT, 'scripts', 'start.mjs')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curator-start-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

interface Run {
  code: number | null
  out: string
  err: string
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env } })
    let out = ''
    let err = ''
    child.stdout.on('data', (chunk) => (out += chunk))
    child.stderr.on('data', (chunk) => (err += chunk))
    child.on('error', fail)
    child.on('close', (code) => done({ code, out, err }))
  })
}

/** A loopback port nothing listens on, so a download from it fails at once. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  const address = server.address()
  await new Promise((closed) => server.close(closed))
  if (!address || typeof address === 'string') throw new Error('no port')
  return address.port
}

/** Where the start script will look for the binary under ELECTRON_OVERRIDE_DIST_PATH. */
function executableUnder(dist: string): string {
  const pathFile = join(ROOT, 'node_modules', 'electron', 'path.txt')
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : ''
  return join(dist, recorded || platformExecutable())
}

describe('npm start', () => {
  // The stand-in is a Node script with a shebang, which Windows cannot execute as electron.exe.
  it.skipIf(process.platform === 'win32')(
    'builds, then launches the Electron binary with the built app and the arguments given',
    async () => {
      const dist = join(dir, 'dist')
      const record = join(dir, 'argv.json')
      const standIn = executableUnder(dist)
      mkdirSync(dirname(standIn), { recursive: true })
      // Records its arguments and whether the app it was given has its built entry point, then
      // exits with a code of its own so the test sees whether npm start passes it on.
      writeFileSync(
        standIn,
        `#!${process.execPath}
const { existsSync, readFileSync, writeFileSync } = require('node:fs')
const { join, resolve } = require('node:path')
const args = process.argv.slice(2)
const app = args.find((a) => !a.startsWith('-'))
const main = app ? JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')).main : null
writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  args, app: app && resolve(app), mainBuilt: !!main && existsSync(join(app, main)),
}))
process.exit(7)
`,
      )
      chmodSync(standIn, 0o755)
      // Removed so only this run's build can bring it back.
      rmSync(join(ROOT, 'out', 'main', 'index.js'), { force: true })

      const result = await run('npm', ['start', '--silent', '--', '--library', join(dir, 'lib')], {
        ELECTRON_OVERRIDE_DIST_PATH: dist,
      })

      expect(existsSync(record), result.err).toBe(true)
      const seen = JSON.parse(readFileSync(record, 'utf8'))
      expect(seen.app).toBe(ROOT)
      expect(seen.mainBuilt).toBe(true)
      expect(seen.args.slice(-2)).toEqual(['--library', join(dir, 'lib')])
      expect(result.code).toBe(7)
      expect(result.err).not.toMatch(/downloading/i)
    },
    120_000,
  )

  it('without a runtime or network, ends with a few plain lines and a non-zero exit', async () => {
    const port = await closedPort()
    const result = await run(process.execPath, [START], {
      // An empty dist: the runtime is missing even where one is installed.
      ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'empty-dist'),
      ELECTRON_MIRROR: `http://127.0.0.1:${port}/`,
      // An empty download cache, so a cached zip cannot make the "download" succeed.
      electron_config_cache: join(dir, 'cache'),
    })

    expect(result.code).toBe(1)
    const lines = result.err.trim().split('\n')
    expect(lines.length).toBeLessThanOrEqual(6)
    expect(result.err).toMatch(/downloading the Electron runtime/)
    expect(result.err).toMatch(/could not be downloaded \(.+\)/)
    expect(result.err).toMatch(/ELECTRON_MIRROR/)
    expect(result.err).toMatch(/npm run preview/)
    expect(result.err).toMatch(/review-curator/)
    expect(result.err).not.toMatch(/^\s+at /m)
  }, 60_000)
})
