import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/**
 * Each review file's name, size and modification time (`name:size:mtimeNs`, by name, joined by
 * commas): any rewrite of one changes the stamp.
 */
export async function reviewFilesStamp(dir: string): Promise<string> {
  const folder = join(dir, 'reviews')
  const names = (await readdir(folder).catch(() => [] as string[])).filter((n) =>
    /^[\w-]+\.json$/.test(n),
  )
  const parts = await Promise.all(
    names.sort().map(async (name) => {
      const s = await stat(join(folder, name), { bigint: true })
      return `${name}:${s.size}:${s.mtimeNs}`
    }),
  )
  return parts.join(',')
}
