import { execFileSync, spawn } from 'node:child_process'
import { hostname } from 'node:os'
import { readdir, stat, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { LOCK_FILE } from '../../../electron/domain/store/library-lock'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, tempDir } from '../support/temp-library'

// Issue 11, point 7, as a user meets each case through the command line: every one exits with
// the right status and a short message naming the file, and none creates or changes a library.

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const lib = () => join(dir, 'library')
const cli = (...args: string[]) => runCliCaptured([...args, '--library', lib()], dir)

async function imported(): Promise<void> {
  expect((await cli('import', FIXTURE)).code).toBe(0)
}

describe('the small failures of issue 11, point 7, through the CLI', () => {
  it('a 5,000-deep HTML nesting is rejected input (exit 2) naming the file, not a stack overflow', async () => {
    const deep = join(dir, 'deep.html')
    await writeFile(
      deep,
      `<html><body>${'<div>'.repeat(5000)}x${'</div>'.repeat(5000)}</body></html>`,
    )
    const run = await cli('import', deep)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/deep\.html/)
    expect(run.err).not.toMatch(/Maximum call stack/)
  })

  it.skipIf(process.platform === 'win32')(
    'a FIFO, /dev/zero and a symlink loop are each named for what they are (exit 2)',
    async () => {
      const fifo = join(dir, 'pipe.txt')
      execFileSync('mkfifo', [fifo])
      const loop = join(dir, 'loop.txt')
      await symlink(loop, loop)
      for (const [path, message] of [
        [fifo, /pipe\.txt: is not a regular file \(a pipe, device or socket\)/],
        ['/dev/zero', /\/dev\/zero: is not a regular file/],
        [loop, /loop\.txt: a symbolic link that points back to itself/],
      ] as const) {
        const run = await cli('import', path)
        expect(run.code, path).toBe(2)
        expect(run.err, path).toMatch(message)
        expect(run.err, path).not.toMatch(/folder|file not found/)
      }
    },
  )

  it('a CSV with a huge header gives a short error', async () => {
    const wide = join(dir, 'wide.csv')
    const names = Array.from({ length: 50_000 }, (_, i) => `c${i}`)
    await writeFile(wide, `${names.join(',')}\n${names.map(() => '1').join(',')}\n`)
    const run = await cli('import', wide)
    expect(run.code).toBe(2)
    expect(run.err).toMatch(/wide\.csv/)
    expect(run.err.length).toBeLessThan(1000)
  })

  it('read commands on a mistyped --library exit 2 and create nothing', async () => {
    for (const command of [['reviews'], ['export', '--format', 'csv'], ['doctor']]) {
      const run = await cli(...command)
      expect(run.code, command[0]).toBe(2)
      expect(run.err).toContain(`there is no library at ${lib()}`)
    }
    await expect(stat(lib())).rejects.toThrow(/ENOENT/)
  })

  it('export --out into a missing folder names that folder, not a temp file', async () => {
    await imported()
    const out = join(dir, 'no-such-folder', 'all.csv')
    const run = await cli('export', '--format', 'csv', '--out', out)
    expect(run.code).toBe(2)
    expect(run.err).toContain(`The folder ${join(dir, 'no-such-folder')} does not exist`)
    expect(run.err).not.toMatch(/rc-tmp|\.tmp/)
  })

  it('a lock left by a crashed process is taken over at once', async () => {
    await imported()
    const child = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => child.on('exit', resolve))
    const crashed = {
      pid: child.pid,
      host: hostname(),
      started: null,
      token: 'crashed',
      acquiredAt: new Date().toISOString(),
    }
    await writeFile(join(lib(), LOCK_FILE), JSON.stringify(crashed))
    const run = await cli('reviews')
    expect(run.err).not.toMatch(/in use/)
    expect(run.code).toBe(0)
  })

  it('temp files a crashed writer left (random names) are removed when the library opens', async () => {
    await imported()
    const left = [
      join(lib(), '.library.json.4242-0a1b2c3d.rc-tmp'),
      join(lib(), 'curation', '.3f.json.99-deadbeef.rc-tmp'),
    ]
    for (const path of left) await writeFile(path, 'half written')
    expect((await cli('reviews')).code).toBe(0)
    expect((await readdir(lib())).filter((n) => n.endsWith('.rc-tmp'))).toEqual([])
    expect((await readdir(join(lib(), 'curation'))).filter((n) => n.endsWith('.rc-tmp'))).toEqual(
      [],
    )
  })
})
