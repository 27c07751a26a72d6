import { openLibrary } from '../../electron/domain/library/open-library'
import { readIndexCache } from '../../electron/domain/search/index-cache'
import { TextIndex } from '../../electron/domain/search/text-index'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
const dir = process.argv[2]!
const file = join(dir, 'search-index.bin')
let t = performance.now()
const lap = (l: string) => { const n = performance.now(); console.log(l, (n - t).toFixed(0)); t = n }
const buf = await readFile(file); lap('read')
const stamp = JSON.parse(buf.subarray(16, 16 + buf.readUInt32LE(8)).toString()).stamp
lap('header')
const snap = await readIndexCache(file, stamp, Promise.resolve(buf)); lap('parse')
const idx = TextIndex.restore(snap!); lap('restore')
console.log(idx.stats())
const lib = await openLibrary(dir); lap('openLibrary')
await lib.close()
