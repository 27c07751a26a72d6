// A child process for the lock tests: opens the library, says "open", waits for a line on stdin,
// then tags a review and says "ack" (or prints the error and exits 2 for a CuratorError, as the
// CLI does). Run: node --import tsx test/unit/support/child-edit.ts <dir> <reviewId> <tag>
import { once } from 'node:events'
import { CuratorError } from '../../../electron/domain/errors'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags } from '../../../electron/app/commands/curate'

async function main(dir: string, id: string, tag: string): Promise<number> {
  const library = await openLibrary(dir)
  try {
    process.stdout.write('open\n')
    await once(process.stdin, 'data')
    await addTags(library, [id], [tag])
    process.stdout.write('ack\n')
    return 0
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`)
    return e instanceof CuratorError && e.code === 'bad-input' ? 2 : 1
  } finally {
    await library.close()
  }
}

const [dir, id, tag] = process.argv.slice(2) as [string, string, string]
main(dir, id, tag).then((code) => process.exit(code))
