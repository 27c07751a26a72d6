import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { UnparsedFragment } from '../../../shared/domain'
import { FragmentsFileRecord } from '../../../shared/records/fragments'
import { NotFoundError } from '../errors'
import { DamagedFileError } from '../store/store-file'
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
  const name = `${FRAGMENTS_DIR}/${recordId}.json`
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch (e) {
    throw new DamagedFileError(
      name,
      `not valid JSON: ${e instanceof Error ? e.message : String(e)}`,
    )
  }
  const result = FragmentsFileRecord.safeParse(value)
  if (!result.success) {
    const issue = result.error.issues[0]
    throw new DamagedFileError(name, `field "${issue?.path.join('.')}": ${issue?.message}`)
  }
  return result.data
}

/** Fragments as one text a user can paste into an editor: each headed by its line number. */
export function fragmentsAsText(file: FragmentsFile): string {
  const blocks = file.fragments.map((f) => `--- ${file.fileName}, line ${f.line} ---\n${f.text}`)
  return `${blocks.join('\n\n')}\n`
}
