import { randomBytes } from 'node:crypto'
import { rename, rm, writeFile } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Writes next to the target and renames into place: readers see the old file or the new, never half. */
export async function writeFileAtomic(path: string, content: string): Promise<void> {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`)
  try {
    await writeFile(temp, content, { encoding: 'utf8', flush: true })
    await rename(temp, path)
  } catch (e) {
    await rm(temp, { force: true })
    throw e
  }
}
