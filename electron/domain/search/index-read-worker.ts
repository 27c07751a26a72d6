import { Worker } from 'node:worker_threads'

// Reads the index cache file and checks its checksums in a worker thread, then hands the bytes
// over (transferred, not copied). Checking 55 MB at 100,000 reviews is mostly the first touch of
// every page just read, 150 ms or more on the main thread, which meanwhile builds the columns.
// The worker is plain JavaScript given as text, so it needs no bundle or loader (tsx, tests).
// It only vouches for the checksums: index-cache.ts still checks everything else, and checks the
// sums itself when the worker did not (a damaged file, no worker).

export interface IndexBytes {
  bytes: Buffer
  /** The header's and every section's CRC-32 were checked against these very bytes. */
  sumsChecked: boolean
}

// The file layout of index-cache.ts (prefix, JSON header, sections padded to 8 bytes).
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads')
const { readFileSync } = require('node:fs')
const { crc32 } = require('node:zlib')
const pad = (n) => (8 - (n % 8)) % 8
const sums = (buf) => {
  if (buf.length < 16) return false
  const jsonLength = buf.readUInt32LE(8)
  const headerEnd = 16 + jsonLength + pad(jsonLength)
  if (headerEnd > buf.length || crc32(buf.subarray(16, headerEnd)) !== buf.readUInt32LE(12)) return false
  const header = JSON.parse(buf.subarray(16, 16 + jsonLength).toString('utf8'))
  if (!Array.isArray(header.sections) || !Array.isArray(header.sums)) return false
  let at = headerEnd
  for (let i = 0; i < header.sections.length; i++) {
    const end = at + header.sections[i] + pad(header.sections[i])
    if (end > buf.length || crc32(buf.subarray(at, end)) !== header.sums[i]) return false
    at = end
  }
  return true
}
let bytes = null
try {
  bytes = readFileSync(workerData)
} catch {}
let ok = false
try {
  ok = bytes !== null && bytes.byteOffset === 0 && sums(bytes)
} catch {}
const buffer = bytes && bytes.byteOffset === 0 ? bytes.buffer : null
parentPort.postMessage({ buffer, length: bytes ? bytes.length : 0, ok }, buffer ? [buffer] : [])
`

interface Reply {
  buffer: ArrayBuffer | null
  length: number
  ok: boolean
}

/** The bytes of `file` with their sums checked off this thread; null when it cannot be read. */
export function readIndexInWorker(file: string): Promise<IndexBytes | null> | null {
  let worker: Worker
  try {
    worker = new Worker(WORKER, { eval: true, workerData: file })
  } catch {
    return null
  }
  return new Promise((resolve) => {
    worker.once('message', (m: Reply) => {
      resolve(m.buffer ? { bytes: Buffer.from(m.buffer, 0, m.length), sumsChecked: m.ok } : null)
    })
    worker.once('error', () => resolve(null))
    worker.once('exit', () => resolve(null))
  })
}
