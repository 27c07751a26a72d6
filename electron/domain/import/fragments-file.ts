import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { UnparsedFragment } from '../../../shared/domain'
import { NotFoundError } from '../errors'
import { commitFile } from '../store/durable-write'

// Unparsed fragments are kept per import in imports/<recordId>.json rather than in library.json,
// which is rewritten on every tag change and must stay small whatever the dumps held.

export const FRAGMENTS_DIR = 'imports'

export interface FragmentsFile {
  schemaVersion: 1
  recordId: string
  fileName: string
  fragments: UnparsedFragment[]
}

const pathOf = (libraryDir: string, recordId: string) =>
  join(libraryDir, FRAGMENTS_DIR, `${recordId}.json`)

export async function writeFragments(
  libraryDir: string,
  recordId: string,
  fileName: string,
  fragments: UnparsedFragment[],
): Promise<void> {
  if (fragments.length === 0) return
  await mkdir(join(libraryDir, FRAGMENTS_DIR), { recursive: true })
  const file: FragmentsFile = { schemaVersion: 1, recordId, fileName, fragments }
  await commitFile(pathOf(libraryDir, recordId), JSON.stringify(file))
}

export async function deleteFragments(libraryDir: string, recordId: string): Promise<void> {
  await rm(pathOf(libraryDir, recordId), { force: true })
}

export async function readFragments(libraryDir: string, recordId: string): Promise<FragmentsFile> {
  const text = await readFile(pathOf(libraryDir, recordId), 'utf8').catch(() => null)
  if (text === null) throw new NotFoundError(`Import ${recordId} kept no unparsed fragments`)
  return JSON.parse(text) as FragmentsFile
}

/** Fragments as one text a user can paste into an editor: each headed by its line number. */
export function fragmentsAsText(file: FragmentsFile): string {
  const blocks = file.fragments.map((f) => `--- ${file.fileName}, line ${f.line} ---\n${f.text}`)
  return `${blocks.join('\n\n')}\n`
}
