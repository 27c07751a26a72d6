import { Buffer } from 'node:buffer'
import { keepBytes } from './kept-sources'
import { decodeFileInSlices, type DecodedFile } from './parse-file'
import { assertSize, readDumpFile, statDumpFiles } from './read-files'

/**
 * Where an import's bytes come from — a file on disk, a dropped file's bytes, pasted text — as
 * one shape: the size is known up front (so the cap applies before reading) and the bytes are
 * read and decoded only when the pipeline gets to them.
 */
export interface ImportSource {
  fileName: string
  size: number
  load(onRead: (bytes: number) => void, signal?: AbortSignal): Promise<DecodedFile>
}

/** Decodes the bytes while they are compressed (on the thread pool) for the library to keep. */
async function decodeKept(
  fileName: string,
  bytes: Uint8Array,
  signal?: AbortSignal,
): Promise<DecodedFile> {
  const keeping = keepBytes(bytes)
  // A cancelled decode must not leave the compression's rejection unhandled.
  keeping.catch(() => undefined)
  const decoded = await decodeFileInSlices(fileName, bytes, { signal })
  return { ...decoded, kept: await keeping }
}

/** Checks every path first (exists, is a file, under the cap), so a bad one is named up front. */
export async function pathSources(paths: string[], cap?: number): Promise<ImportSource[]> {
  return (await statDumpFiles(paths, cap)).map((f) => ({
    fileName: f.fileName,
    size: f.size,
    // The bytes are dropped once decoded: holding 200 MB of them through the parse costs RSS.
    load: async (onRead, signal) =>
      decodeKept(f.fileName, await readDumpFile(f.path, f.size, onRead, signal), signal),
  }))
}

export function bytesSource(fileName: string, bytes: Uint8Array): ImportSource {
  assertSize(fileName, bytes.length)
  return {
    fileName,
    size: bytes.length,
    load: async (_onRead, signal) => decodeKept(fileName, bytes, signal),
  }
}

/** A dropped file as the renderer sends it, base64-encoded. */
export function base64Source(fileName: string, base64: string): ImportSource {
  return bytesSource(fileName, Buffer.from(base64, 'base64'))
}

/** Pasted or bundled text: encoded and decoded like a file's bytes would be. */
export function textSource(fileName: string, text: string): ImportSource {
  return bytesSource(fileName, new TextEncoder().encode(text))
}
