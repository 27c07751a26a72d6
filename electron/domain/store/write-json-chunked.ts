import { commitFile, nodeFs, type DurableFs, type WritableHandle } from './durable-write'

export interface ChunkedJsonOptions {
  /** Write non-ASCII characters as \\u escapes (see asciiJson): the file is then plain ASCII. */
  asciiOnly?: boolean
  /** Characters of JSON gathered before one write; each write lets the event loop run. */
  chunkChars?: number
}

const CHUNK_CHARS = 1024 * 1024

/**
 * JSON with every non-ASCII character written as a \\u escape: the same data, but the file is
 * plain ASCII, which reads about three times faster than UTF-8 (large review files only).
 */
export function asciiJson(json: string): string {
  return json.replace(
    /[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  )
}

/**
 * The pieces of JSON.stringify(data), in order: the top-level object's arrays (a review file's
 * reviews) one element at a time, so no single call serialises a 250 MB file. Joined, the pieces
 * are exactly JSON.stringify(data).
 */
export function* jsonPieces(data: unknown): Generator<string, void, void> {
  if (isArray(data)) {
    yield* arrayPieces(data)
    return
  }
  if (!isPlainObject(data)) {
    const json = JSON.stringify(data) as string | undefined
    if (json === undefined) throw new TypeError('nothing to write: the data is not JSON')
    yield json
    return
  }
  yield '{'
  let first = true
  for (const [key, value] of Object.entries(data)) {
    const json = isArray(value) ? null : (JSON.stringify(value) as string | undefined)
    // Keys whose value JSON leaves out (undefined, functions, symbols) are left out here too.
    if (json === undefined) continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (json === null) yield* arrayPieces(value as unknown[])
    else yield json
  }
  yield '}'
}

function* arrayPieces(items: unknown[]): Generator<string, void, void> {
  yield '['
  for (let i = 0; i < items.length; i++) {
    // In arrays JSON.stringify writes undefined, functions and symbols as null.
    const json = JSON.stringify(items[i]) as string | undefined
    yield i === 0 ? (json ?? 'null') : `,${json ?? 'null'}`
  }
  yield ']'
}

/** A toJSON method changes what JSON.stringify writes: such values are written whole. */
const hasToJson = (value: object): boolean =>
  typeof (value as { toJSON?: unknown }).toJSON === 'function'

function isArray(value: unknown): value is unknown[] {
  return Array.isArray(value) && !hasToJson(value)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !hasToJson(value)
}

/**
 * A writer for commitFile: JSON.stringify(data) without ever holding the whole text. Pieces are
 * gathered into chunks of about a megabyte, each written (and the event loop let run) before the
 * next is made.
 */
export function jsonChunkWriter(
  data: unknown,
  { asciiOnly = false, chunkChars = CHUNK_CHARS }: ChunkedJsonOptions = {},
): (handle: WritableHandle) => Promise<void> {
  return async (handle) => {
    let chunk = ''
    const flush = async () => {
      const text = asciiOnly ? asciiJson(chunk) : chunk
      chunk = ''
      await handle.write(Buffer.from(text, asciiOnly ? 'latin1' : 'utf8'))
    }
    for (const piece of jsonPieces(data)) {
      chunk += piece
      if (chunk.length >= chunkChars) await flush()
    }
    await flush()
  }
}

/** Writes JSON.stringify(data) to `path` in chunks, durably (see commitFile). */
export function writeJsonChunked(
  path: string,
  data: unknown,
  options: ChunkedJsonOptions = {},
  fs: DurableFs = nodeFs,
): Promise<void> {
  return commitFile(path, jsonChunkWriter(data, options), fs)
}
