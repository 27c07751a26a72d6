// What keeping an import's source costs: compressing and hashing a dump of N MB (the reference page
// repeated), the kept size, and the longest stretch the event loop was blocked meanwhile.
//
//   npx tsx test/bench/keep-sources.ts [MB=50]

import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { keepBytes } from '../../electron/domain/import/kept-sources'

const FIXTURE = resolve(import.meta.dirname, '../fixtures/imdb/pusher-ii-2004.txt')

const mb = Number(process.argv[2] ?? 50)
const page = await readFile(FIXTURE)
const copies = Math.ceil((mb << 20) / page.length)
// Each copy numbered, so the dump does not compress better than a real one would.
const bytes = Buffer.concat(
  Array.from({ length: copies }, (_, i) => Buffer.concat([Buffer.from(`#${i}\n`), page])),
)
let longest = 0
let last = performance.now()
const timer = setInterval(() => {
  const now = performance.now()
  longest = Math.max(longest, now - last - 10)
  last = now
}, 10)
const start = performance.now()
const kept = await keepBytes(bytes)
const ms = performance.now() - start
clearInterval(timer)
console.log(
  `keep ${(bytes.length / 2 ** 20).toFixed(0)} MB: ${ms.toFixed(0)} ms, kept ${(kept.gz.length / 2 ** 20).toFixed(1)} MB (${((100 * kept.gz.length) / bytes.length).toFixed(0)}%), longest event-loop block ${longest.toFixed(0)} ms`,
)
