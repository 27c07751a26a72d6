import { spawn } from 'node:child_process'
import { existsSync, readFileSync, readdirSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userDataDir } from '../../../electron/domain/library/library-location'
import { logFilePath } from '../../../electron/desktop/log-location'
import { openCliLog, splitVerbose } from '../../../electron/cli/verbose-log'

// The CLI entry point run as the user runs it, with its user-data folder moved into a temp dir
// on every OS (XDG_CONFIG_HOME on Linux, HOME on macOS, APPDATA on Windows).
const ROOT = resolve(import.meta.dirname, '../../..')

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'curator-cli-log-'))
})
afterEach(() => rm(dir, { recursive: true, force: true }))

function cli(args: string[]): Promise<{ code: number | null; err: string; logPath: string }> {
  const env = { ...process.env, XDG_CONFIG_HOME: dir, HOME: dir, APPDATA: dir }
  const logPath = logFilePath(userDataDir(process.platform, env, dir))
  return new Promise((done, fail) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'electron/cli/index.ts'), ...args],
      { cwd: ROOT, env },
    )
    let err = ''
    child.stderr.on('data', (c) => (err += c))
    child.on('error', fail)
    child.on('close', (code) => done({ code, err, logPath }))
  })
}

describe('review-curator --verbose', () => {
  it('writes the command, its errors and its exit status to the app log', async () => {
    const { code, err, logPath } = await cli([
      'rate',
      'rv_0000000000000000',
      '5',
      '--library',
      join(dir, 'lib'),
      '--verbose',
    ])
    expect(code).toBe(2)
    expect(err).toMatch(/rv_0000000000000000/)
    const log = readFileSync(logPath, 'utf8')
    expect(log).toMatch(/\[info\].*review-curator rate rv_0000000000000000 5/)
    expect(log).toMatch(/\[warn\].*rv_0000000000000000/)
    expect(log).toMatch(/exit status 2/)
  }, 60_000)

  it('writes no log without --verbose', async () => {
    const { code, logPath } = await cli([
      'rate',
      'rv_0000000000000000',
      '5',
      '--library',
      join(dir, 'lib'),
    ])
    expect(code).toBe(2)
    expect(existsSync(logPath)).toBe(false)
  }, 60_000)

  it('takes --verbose out wherever it stands', () => {
    expect(splitVerbose(['--verbose', 'reviews', '--json'])).toEqual({
      verbose: true,
      argv: ['reviews', '--json'],
    })
    expect(splitVerbose(['reviews']).verbose).toBe(false)
  })

  it('rotates the log to main.old.log once it passes 1 MB', async () => {
    const log = await openCliLog(dir)
    const line = 'x'.repeat(1000)
    for (let i = 0; i < 1200; i++) log.info(line)
    expect(readdirSync(join(dir, 'logs')).sort()).toEqual(['main.log', 'main.old.log'])
    expect(readFileSync(join(dir, 'logs', 'main.log'), 'utf8').length).toBeLessThan(1024 * 1024)
  })
})
