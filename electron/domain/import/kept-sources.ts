import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gunzip, gzip } from 'node:zlib'
import type { ParseOptions } from '../../../shared/domain'
import { SourcesManifestRecord, type KeptSourceEntryRecord } from '../../../shared/records/sources'
import type { ExtraWrite } from '../library/library'

// Every import keeps the bytes it read (gzip-compressed) in sources/, so a damaged review file can
// be rebuilt and a newer parser can re-read old imports. The files are written inside the
// import's own commit, so an import and its sources land together or not at all.

export const SOURCES_DIR = 'sources'

const gzipAsync = promisify(gzip)
const gunzipAsync = promisify(gunzip)

/** The raw bytes of one import file, compressed, with what proves them intact. */
export interface KeptBytes {
  gz: Buffer
  byteLength: number
  sha256: string
}

/** What ParsedFile carries so the commit can keep the file it came from. */
export interface KeptSource {
  bytes: KeptBytes
  options: ParseOptions
}

/**
 * Compresses and hashes `bytes`. gzip runs on libuv's thread pool and the hash in slices of 2 MB,
 * so a 300 MB dump does not block the main process for long at a time.
 */
export async function keepBytes(bytes: Uint8Array): Promise<KeptBytes> {
  // Level 1: a third of the default level's time for a few percent more bytes on review text.
  const compressing = gzipAsync(bytes, { level: 1 })
  const hash = createHash('sha256')
  const slice = 2 << 20
  for (let at = 0; at < bytes.length; at += slice) {
    hash.update(bytes.subarray(at, at + slice))
    if (at + slice < bytes.length) await new Promise((resolve) => setImmediate(resolve))
  }
  return { gz: await compressing, byteLength: bytes.length, sha256: hash.digest('hex') }
}

export type ManifestEntry = KeptSourceEntryRecord

/** One file of an import to keep. */
export interface SourceToKeep {
  recordId: string
  fileName: string
  format: string
  source: KeptSource
}

const blobOf = (recordId: string) => `${recordId.replace(/[^\w-]/g, '_')}.gz`
const manifestOf = (importId: string) => join(SOURCES_DIR, `${importId}.json`)

/** The manifest and compressed files of one import, to write with its commit (none: nothing kept). */
export function sourcesWrite(
  importId: string,
  importedAt: string,
  files: SourceToKeep[],
): ExtraWrite[] {
  if (files.length === 0) return []
  const manifest: SourcesManifestRecord = {
    schemaVersion: 1,
    importId,
    importedAt,
    files: files.map((f) => ({
      recordId: f.recordId,
      fileName: f.fileName,
      blob: blobOf(f.recordId),
      format: f.format,
      options: f.source.options,
      byteLength: f.source.bytes.byteLength,
      sha256: f.source.bytes.sha256,
    })),
  }
  return [
    ...files.map((f) => ({
      relative: join(SOURCES_DIR, blobOf(f.recordId)),
      content: f.source.bytes.gz,
    })),
    // The manifest last: a reader that finds it finds its files too (all land in one commit).
    { relative: manifestOf(importId), content: JSON.stringify(manifest, null, 2) },
  ]
}

/** The same files removed (undoing the import); redo writes them again from memory. */
export const sourcesRemoval = (writes: ExtraWrite[]): ExtraWrite[] =>
  writes.map((w) => ({ relative: w.relative, content: null }))

/** Why a kept source cannot be used, naming the file and what to do. */
export class KeptSourceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'KeptSourceError'
  }
}

/** Every readable manifest, oldest import first, and a message for each one that is not. */
export async function readManifests(
  libraryDir: string,
): Promise<{ manifests: SourcesManifestRecord[]; problems: string[] }> {
  const folder = join(libraryDir, SOURCES_DIR)
  const names = (await readdir(folder).catch(() => [] as string[]))
    .filter((n) => /^[\w-]+\.json$/.test(n))
    .sort()
  const manifests: SourcesManifestRecord[] = []
  const problems: string[] = []
  for (const name of names) {
    const where = `${SOURCES_DIR}/${name}`
    try {
      const result = SourcesManifestRecord.safeParse(
        JSON.parse(await readFile(join(folder, name), 'utf8')),
      )
      if (result.success) manifests.push(result.data)
      else {
        const issue = result.error.issues[0]
        problems.push(`${where} is damaged: field "${issue?.path.join('.')}": ${issue?.message}`)
      }
    } catch (e) {
      problems.push(`${where} is damaged: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  manifests.sort((a, b) => a.importedAt.localeCompare(b.importedAt))
  return { manifests, problems }
}

/** The raw bytes of one kept file, checked against its length and sha256. */
export async function loadKeptBytes(libraryDir: string, entry: ManifestEntry): Promise<Buffer> {
  const where = `${SOURCES_DIR}/${entry.blob}`
  const gz = await readFile(join(libraryDir, SOURCES_DIR, entry.blob)).catch(() => null)
  if (gz === null)
    throw new KeptSourceError(`${where} (the kept copy of ${entry.fileName}) is missing`)
  let bytes: Buffer
  try {
    bytes = await gunzipAsync(gz)
  } catch (e) {
    throw new KeptSourceError(
      `${where} (the kept copy of ${entry.fileName}) is damaged: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex')
  if (bytes.length !== entry.byteLength || sha256 !== entry.sha256) {
    throw new KeptSourceError(
      `${where} (the kept copy of ${entry.fileName}) is damaged: its bytes do not match the sha256 recorded when it was imported`,
    )
  }
  return bytes
}

/** Every manifest and kept file that does not read back as recorded (for `doctor`). */
export async function keptSourceProblems(libraryDir: string): Promise<string[]> {
  const { manifests, problems } = await readManifests(libraryDir)
  for (const m of manifests) {
    for (const entry of m.files) {
      await loadKeptBytes(libraryDir, entry).catch((e: unknown) =>
        problems.push(e instanceof Error ? e.message : String(e)),
      )
    }
  }
  return problems
}
