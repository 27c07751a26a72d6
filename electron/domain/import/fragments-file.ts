import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { UnparsedFragment } from '../../../shared/domain'
import { NotFoundError } from '../errors'
import type { ExtraWrite } from '../library/library'

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

/** The file holding one import's fragments, as part of the import's commit (none when empty). */
export function fragmentsWrite(
  recordId: string,
  fileName: string,
  fragments: UnparsedFragment[],
): ExtraWrite[] {
  if (fragments.length === 0) return []
  const file: FragmentsFile = { schemaVersion: 1, recordId, fileName, fragments }
  return [{ relative: join(FRAGMENTS_DIR, `${recordId}.json`), content: JSON.stringify(file) }]
}

/** Removes one import's fragments file, as part of the commit undoing the import. */
export function fragmentsRemoval(recordId: string): ExtraWrite {
  return { relative: join(FRAGMENTS_DIR, `${recordId}.json`), content: null }
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
