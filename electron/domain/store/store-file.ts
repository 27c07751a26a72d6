import { Low, type Adapter } from 'lowdb'
import { readFile } from 'node:fs/promises'
import { isAscii } from 'node:buffer'
import { basename } from 'node:path'
import { CuratorError } from '../errors'
import { migrate, type FileKind } from './migrations'
import type { SetAside, Validator } from './validate'
import { commitFile, nodeFs, type Content, type DurableFs } from './durable-write'
import { jsonChunkWriter } from './write-json-chunked'
import { parseSplitJson } from './split-json'

export { asciiJson } from './write-json-chunked'

/** A library file that exists but cannot be read as what it should be. */
export class DamagedFileError extends CuratorError {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super('internal', `${file} is damaged: ${reason}`)
    this.name = 'DamagedFileError'
  }
}

export interface StoreFileOptions<T> {
  kind: FileKind
  /**
   * Checks the migrated data has the expected shape: throws an Error naming the bad field when the
   * file as a whole is wrong, hands single bad records to `setAside` and leaves them out.
   */
  validate: Validator<T>
  /** Data for a file that does not exist yet. */
  create: () => T
  /** Review files are large and machine-read: no indentation keeps them ~30% smaller. */
  compact?: boolean
  /**
   * The file ends with this array of objects, each starting with the field `first`: it is parsed a
   * chunk of elements at a time (see parseSplitJson), which reads large review files faster.
   */
  split?: { key: string; first: string }
  fs?: DurableFs
}

/**
 * lowdb's Adapter for one library file, writing through commitFile (temp file, fsync, rename,
 * fsync the folder) instead of lowdb's own writer, which neither syncs nor uses a unique temp name.
 * Review files (compact) are written in chunks with the event loop running in between, since one
 * JSON.stringify of 150,000 reviews blocks the main process for seconds.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  constructor(
    readonly path: string,
    private readonly parse: (bytes: Buffer) => T,
    private readonly compact: boolean,
    private readonly fs: DurableFs = nodeFs,
  ) {}

  async read(): Promise<T | null> {
    const bytes = await readBytes(this.path)
    return bytes === null ? null : this.parse(bytes)
  }

  /** What write() puts on disk, for a caller committing several files at once. */
  content(data: T): Content {
    return this.compact ? jsonChunkWriter(data, { asciiOnly: true }) : JSON.stringify(data, null, 2)
  }

  write(data: T): Promise<void> {
    return commitFile(this.path, this.content(data), this.fs)
  }
}

/** An open library file: lowdb's Low with its path and serialiser at hand. */
export class StoreFile<T> extends Low<T> {
  /** Records left out on open because they did not have their schema's shape. */
  setAside: SetAside[] = []

  constructor(
    readonly file: DurableJsonFile<T>,
    data: T,
  ) {
    super(file, data)
  }

  get path(): string {
    return this.file.path
  }
}

/** The file's bytes, or null when it does not exist. */
function readBytes(path: string): Promise<Buffer | null> {
  return readFile(path).then(
    (bytes) => bytes,
    (e: NodeJS.ErrnoException) => {
      if (e.code === 'ENOENT') return null
      throw e
    },
  )
}

function lineOf(text: string, position: number): number {
  return text.slice(0, position).split('\n').length
}

/**
 * One buffer decoded once (what db.read() does, minus the chunked decoding of
 * readFile(path, 'utf-8'), which cost a fifth of opening 150 MB of reviews); an all-ASCII file
 * (see asciiJson) needs no UTF-8 decoding at all.
 */
function parseJson(
  bytes: Buffer,
  file: string,
  split: StoreFileOptions<unknown>['split'],
): Record<string, unknown> {
  const encoding = isAscii(bytes) ? 'latin1' : 'utf8'
  const fast = split ? parseSplitJson(bytes, split.key, split.first, encoding) : null
  if (fast) return fast
  const text = bytes.toString(encoding)
  try {
    const value: unknown = JSON.parse(text)
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw new DamagedFileError(file, 'expected a JSON object at the top level')
    }
    return value as Record<string, unknown>
  } catch (e) {
    if (e instanceof DamagedFileError) throw e
    const message = e instanceof Error ? e.message : String(e)
    const pos = /position (\d+)/.exec(message)
    const where = pos ? ` (line ${lineOf(text, Number(pos[1]))})` : ''
    throw new DamagedFileError(file, `not valid JSON${where}: ${message}`)
  }
}

function parserFor<T extends object>(
  name: string,
  options: StoreFileOptions<T>,
): { parse: (bytes: Buffer) => T; migrated: () => boolean; setAside: SetAside[] } {
  let migrated = false
  const setAside: SetAside[] = []
  return {
    parse: (bytes) => {
      const raw = parseJson(bytes, name, options.split)
      const result = migrate(raw, options.kind, name)
      migrated = result.changed
      setAside.length = 0
      try {
        return options.validate(result.data, (s) => setAside.push(s))
      } catch (e) {
        throw new DamagedFileError(name, e instanceof Error ? e.message : String(e))
      }
    },
    migrated: () => migrated,
    setAside,
  }
}

/** Reads and checks a file as openStoreFile would, writing nothing (e.g. to vet a backup). */
export async function readStoreFile<T extends object>(
  path: string,
  options: StoreFileOptions<T>,
): Promise<T | null> {
  const bytes = await readBytes(path)
  return bytes === null ? null : parserFor(basename(path), options).parse(bytes)
}

/**
 * Opens one JSON file of the library through lowdb with our durable adapter (see
 * DurableJsonFile). Missing files start from `create()`; files of an older schema are migrated and
 * written back.
 */
export async function openStoreFile<T extends object>(
  path: string,
  options: StoreFileOptions<T>,
  /** How messages name the file (e.g. reviews/wk_1.json). */
  name = basename(path),
): Promise<StoreFile<T>> {
  const parser = parserFor(name, options)
  const adapter = new DurableJsonFile(path, parser.parse, options.compact === true, options.fs)
  const db = new StoreFile<T>(adapter, options.create())
  const bytes = await readBytes(path)
  if (bytes !== null) db.data = parser.parse(bytes)
  db.setAside = [...parser.setAside]
  // Records set aside are dropped from the file only after the caller has kept them elsewhere.
  if (parser.migrated() && db.setAside.length === 0) await db.write()
  return db
}
