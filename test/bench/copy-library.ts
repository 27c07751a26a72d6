import { execFile } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { reviewFilesStamp } from '../../electron/domain/search/review-files-stamp'

// A browser section works on a copy of a cached library: the page edits it and the harness locks
// it. The copy must keep the review files' modification times to the nanosecond, because the
// search index's stamp holds them (review-files-stamp.ts): fs.cp's preserveTimestamps rounds
// them, so its copies rebuilt the index in a worker while the section timed typing against the
// fallback scan (350–420 ms a query at 100,000 instead of a few ms). `cp -a` keeps them exactly.

const run = promisify(execFile)

/** A copy of `from` (its lock left out) in a new temporary folder; throws if its stamp differs. */
export async function copyLibrary(from: string, prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix))
  await run('cp', ['-a', `${from}/.`, dir])
  // A cached library held open elsewhere must not make the copy look held.
  await rm(join(dir, '.lock'), { recursive: true, force: true })
  const [original, copy] = await Promise.all([reviewFilesStamp(from), reviewFilesStamp(dir)])
  if (original !== copy)
    throw new Error(`the copy of ${from} in ${dir} does not keep the review files' times exactly`)
  return dir
}
