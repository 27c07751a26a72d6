import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  cleanTempFiles,
  commitFile,
  nodeFs,
  type DurableFs,
} from '../../../electron/domain/store/durable-write'
import { writeAtomicStream } from '../../../electron/domain/export/atomic-stream'
import { openStoreFile } from '../../../electron/domain/store/store-file'
import { tempDir } from '../support/temp-library'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => ({ dir, cleanup } = await tempDir()))
afterEach(() => cleanup())

/** node's fs, logging each call that matters for durability as "<call> <file name>". */
function recordingFs(log: string[]): DurableFs {
  const name = (path: string) => (path === dir ? '<dir>' : path.slice(dir.length + 1))
  return {
    ...nodeFs,
    open: async (path, flags) => {
      const handle = await nodeFs.open(path, flags)
      log.push(`open ${name(path)}`)
      return {
        write: (data) => (log.push(`write ${name(path)}`), handle.write(data)),
        sync: () => (log.push(`fsync ${name(path)}`), handle.sync()),
        close: () => handle.close(),
      }
    },
    rename: (from, to) => (log.push(`rename ${name(from)} ${name(to)}`), nodeFs.rename(from, to)),
  }
}

/** The log with the temp file's unique name replaced by <temp>. */
const plain = (log: string[]) =>
  log.map((l) => l.replace(/\.[\w.]+\.\d+-[0-9a-f]{8}\.rc-tmp/g, '<temp>'))

const DURABLE_ORDER = ['write <temp>', 'fsync <temp>', 'rename <temp> t.json', 'fsync <dir>']

describe('durable commit', () => {
  it('writes the temp file, fsyncs it, renames it, then fsyncs the folder', async () => {
    const log: string[] = []
    await commitFile(join(dir, 't.json'), '{"a":1}', recordingFs(log))
    expect(plain(log).filter((l) => !l.startsWith('open'))).toEqual(DURABLE_ORDER)
    expect(await readFile(join(dir, 't.json'), 'utf8')).toBe('{"a":1}')
    expect(await readdir(dir)).toEqual(['t.json'])
  })

  it('is the writer of library files (lowdb adapter) and of exports', async () => {
    const log: string[] = []
    const fs = recordingFs(log)
    const file = await openStoreFile(join(dir, 't.json'), {
      kind: 'curation',
      validate: (d) => d,
      create: () => ({ schemaVersion: 1, items: {} }),
      fs,
    })
    await file.write()
    expect(plain(log).filter((l) => !l.startsWith('open'))).toEqual(DURABLE_ORDER)
    log.length = 0
    await writeAtomicStream(join(dir, 't.json'), (sink) => sink.write('x'), undefined, 'utf8', fs)
    expect(plain(log).filter((l) => !l.startsWith('open'))).toEqual(DURABLE_ORDER)
  })

  it('leaves the old file and no temp file when the write fails', async () => {
    await writeFile(join(dir, 't.json'), 'old')
    const failing: DurableFs = {
      ...nodeFs,
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    }
    await expect(commitFile(join(dir, 't.json'), 'new', failing)).rejects.toThrow('disk full')
    expect(await readdir(dir)).toEqual(['t.json'])
    expect(await readFile(join(dir, 't.json'), 'utf8')).toBe('old')
  })

  it('names the missing folder, not the temp file', async () => {
    await expect(commitFile(join(dir, 'nope', 'out.csv'), 'x')).rejects.toThrow(
      `The folder ${join(dir, 'nope')} does not exist`,
    )
  })

  it('cleans up temp files a crashed writer left, and nothing else', async () => {
    const names = [
      '.t.json.1234-0a1b2c3d.rc-tmp',
      '.t.json.0a1b2c3d.tmp',
      '.t.json.tmp',
      't.json',
      'notes.tmp',
    ]
    for (const n of names) await writeFile(join(dir, n), 'x')
    await cleanTempFiles(dir)
    expect((await readdir(dir)).sort()).toEqual(['notes.tmp', 't.json'])
  })
})
