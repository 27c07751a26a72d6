import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type CliIo } from '../../../electron/cli/run'
import { runCliCaptured } from '../support/run-cli'
import { FIXTURE, snapshotTree, tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

const cli = (argv: string[], extra: Partial<CliIo> = {}) =>
  runCliCaptured(argv, join(dir, 'home'), extra)

const lib = () => ['--library', join(dir, 'lib')]

describe('review-curator import', () => {
  it('--dry-run prints what would change and changes nothing', async () => {
    await cli(['import', FIXTURE, ...lib()])
    const before = await snapshotTree(join(dir, 'lib'))
    const { code, out } = await cli(['import', FIXTURE, ...lib(), '--dry-run'])
    expect(code).toBe(0)
    expect(out).toContain('0 would be added, 0 would be updated, 25 unchanged')
    expect(out).toContain('The page declares 44 reviews but the copy holds 25')
    expect(out).toContain('Dry run: nothing was written.')
    expect(await snapshotTree(join(dir, 'lib'))).toEqual(before)
  })

  it('--dry-run --json reports dryRun and the counts', async () => {
    const { code, out } = await cli(['import', FIXTURE, ...lib(), '--dry-run', '--json'])
    expect(code).toBe(0)
    expect(JSON.parse(out)).toMatchObject({ dryRun: true, files: [{ added: 25, found: 25 }] })
    const list = await cli(['reviews', ...lib(), '--json'])
    expect(JSON.parse(list.out)).toEqual([])
  })

  it('--format overrides detection, and an unknown format is a usage error', async () => {
    const forced = await cli(['import', FIXTURE, ...lib(), '--format', 'csv', '--json'])
    expect(forced.code).toBe(2)
    expect(forced.err).toMatch(/pusher-ii-2004\.txt/)
    const bad = await cli(['import', FIXTURE, ...lib(), '--format', 'docx'])
    expect(bad.code).toBe(2)
    expect(bad.err).toMatch(/--format must be one of imdb-title-reviews-text, .*csv/)
    const ok = await cli(['import', FIXTURE, ...lib(), '--format', 'imdb-title-reviews-text'])
    expect(ok.code).toBe(0)
  })

  it('shows progress on stderr with --progress and keeps --json stdout clean', async () => {
    const { code, out, err } = await cli(['import', FIXTURE, ...lib(), '--json', '--progress'])
    expect(code).toBe(0)
    expect(JSON.parse(out).files[0].added).toBe(25)
    expect(err).toMatch(/^reading pusher-ii-2004\.txt: \d+%$/m)
    expect(err).toMatch(/^writing pusher-ii-2004\.txt: 100%$/m)
  })

  it('draws one bar in place on a terminal, and nothing without one', async () => {
    const tty = await cli(['import', FIXTURE, ...lib()], { stderrIsTTY: true })
    expect(tty.err).toMatch(/\r\[[#-]{24}\] +\d+% reading pusher-ii-2004\.txt/)
    const piped = await cli(['import', FIXTURE, ...lib()], { stderrIsTTY: false })
    expect(piped.err).toBe('')
  })

  it('a cancel (Ctrl+C) exits 130 and leaves the library as it was', async () => {
    await cli(['import', FIXTURE, ...lib()])
    const before = await snapshotTree(join(dir, 'lib'))
    const controller = new AbortController()
    controller.abort()
    const { code, err } = await cli(['import', FIXTURE, ...lib()], { signal: controller.signal })
    expect(code).toBe(130)
    expect(err).toMatch(/cancelled; the library is unchanged/)
    expect(await snapshotTree(join(dir, 'lib'))).toEqual(before)
  })
})
