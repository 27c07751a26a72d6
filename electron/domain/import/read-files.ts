import { open, stat } from 'node:fs/promises'
import { basename } from 'node:path'
import { MAX_IMPORT_BYTES } from '../../../shared/channels/import'
import { BadInputError } from '../errors'
import { throwIfCancelled } from './run-steps'

export interface DumpBytes {
  fileName: string
  bytes: Uint8Array
}

const mb = (bytes: number) =>
  `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`

/** Refuses a dump over the cap before a byte of it is read. */
export function assertSize(fileName: string, size: number, cap = MAX_IMPORT_BYTES): void {
  if (size > cap) {
    throw new BadInputError(
      `${fileName} is ${mb(size)}, more than the ${mb(cap)} Review Curator imports at once: ` +
        'split it into smaller files (for example one page of reviews each) and import those',
    )
  }
}

/** Why stat refused a path, in the user's words. */
function unreadable(e: NodeJS.ErrnoException): string {
  if (e.code === 'ENOENT') return 'file not found'
  if (e.code === 'ELOOP') return 'a symbolic link that points back to itself (a link loop)'
  if (e.code === 'EACCES' || e.code === 'EPERM') return 'permission denied'
  if (e.code === 'ENOTDIR') return 'file not found (a part of the path is not a folder)'
  return `cannot be read (${e.code ?? e.message})`
}

/** Checks every path first (exists, is a file, under the cap), so a bad one is named up front. */
export async function statDumpFiles(
  paths: string[],
  cap = MAX_IMPORT_BYTES,
): Promise<{ path: string; fileName: string; size: number }[]> {
  if (paths.length === 0) throw new BadInputError('No file to import: name at least one file')
  const out = []
  for (const path of paths) {
    const info = await stat(path).catch((e: NodeJS.ErrnoException) => {
      throw new BadInputError(`${path}: ${unreadable(e)}`)
    })
    if (!info.isFile()) {
      const kind = info.isDirectory() ? 'a folder' : 'not a regular file (a pipe, device or socket)'
      throw new BadInputError(`${path}: is ${kind}, expected a text file of reviews`)
    }
    assertSize(basename(path), info.size, cap)
    out.push({ path, fileName: basename(path), size: info.size })
  }
  return out
}

const CHUNK = 8 * 1024 * 1024

/** Reads a file in chunks into one buffer, reporting progress and honouring cancellation. */
export async function readDumpFile(
  path: string,
  size: number,
  onChunk?: (read: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  const handle = await open(path, 'r')
  try {
    const bytes = new Uint8Array(size)
    let read = 0
    while (read < size) {
      throwIfCancelled(signal)
      const { bytesRead } = await handle.read(bytes, read, Math.min(CHUNK, size - read), read)
      if (bytesRead === 0) break // the file shrank while we read it
      read += bytesRead
      onChunk?.(read)
    }
    return read === size ? bytes : bytes.subarray(0, read)
  } finally {
    await handle.close()
  }
}
