// Measures a large import end to end (read, decode, parse in slices, plan, write): time, peak RSS
// and the longest stretch the event loop was blocked (what the main process would feel).
// The dump is generated in a temp folder from the reference page and deleted afterwards.
//
//   npx tsx test/bench/import-large.ts [MB=200]

import { createWriteStream } from 'node:fs'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { importPaths } from '../../electron/app/import/run-import'
import { openLibrary } from '../../electron/domain/library/open-library'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/imdb/pusher-ii-2004.txt')

/** The reference page's reviews over and over, each copy with its own headline. */
async function generate(path: string, bytes: number): Promise<number> {
  const text = await readFile(FIXTURE, 'utf8')
  const header = text.slice(0, text.indexOf('8/10'))
  const blocks = text.slice(header.length).split(/(?<=\nPermalink\n)/)
  blocks.pop()
  const out = createWriteStream(path)
  let size = 0
  let n = 0
  const write = (chunk: string) =>
    new Promise<void>((ok) => (out.write(chunk) ? ok() : out.once('drain', ok)))
  await write(header)
  while (size < bytes) {
    // The headline follows the rating line, or opens the block when there is no rating.
    const lines = blocks[n % blocks.length]!.split('\n')
    const headline = lines.findIndex((line) => /^\d+\/10$/.test(line.trim())) + 1
    lines[headline] = `${lines[headline]} #${n}`
    const block = lines.join('\n')
    size += Buffer.byteLength(block)
    n++
    await write(block)
  }
  await new Promise<void>((ok) => out.end(ok))
  return n
}

const mb = Number(process.argv[2] ?? 200)
const dir = await mkdtemp(join(tmpdir(), 'rc-bench-import-'))
try {
  const dump = join(dir, `dump-${mb}mb.txt`)
  const reviews = await generate(dump, mb * 1024 * 1024)
  const library = await openLibrary(join(dir, 'library'))
  let peak = 0
  let longest = 0
  let last = Date.now()
  const timer = setInterval(() => {
    const now = Date.now()
    longest = Math.max(longest, now - last)
    last = now
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 10)
  const started = Date.now()
  const report = await importPaths(library, [dump])
  const ms = Date.now() - started
  clearInterval(timer)
  await library.close()
  const file = report.files[0]!
  console.log(
    `import ${mb} MB (${reviews} reviews generated, ${file.found} found, ${file.added} added): ` +
      `${(ms / 1000).toFixed(1)} s, peak RSS ${Math.round(peak / 1048576)} MB, ` +
      `longest event-loop block ${longest} ms`,
  )
} finally {
  await rm(dir, { recursive: true, force: true })
}
