import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LibraryChanged } from '../../../shared/contract'
import { forwardLibraryChanges } from '../../../electron/app/change-events'
import { curationBucket } from '../../../electron/domain/library/library'
import { addTags, setMyRating } from '../../../electron/domain/services/curation-service'
import { referenceLibrary, type ReferenceLibrary } from '../support/reference-library'

const turn = () => new Promise((resolve) => setImmediate(resolve))

describe('library:changed forwarding', () => {
  let ref: ReferenceLibrary
  beforeEach(async () => void (ref = await referenceLibrary()))
  afterEach(async () => {
    await ref.library.close()
    await ref.cleanup()
  })

  it('sends one event per burst, naming the reviews whose curation changed', async () => {
    const sent: LibraryChanged[] = []
    forwardLibraryChanges(ref.library, (c) => sent.push(c))
    const [a, b] = ref.ids as [string, string]
    await Promise.all([setMyRating(ref.library, [a], 7), setMyRating(ref.library, [b], 3)])
    await turn()
    expect(sent).toEqual([{ reviews: false, curationIds: [a, b], meta: false }])
  })

  it('sends the event only once the change is on disk', async () => {
    const id = ref.ids[0]!
    const onDisk: unknown[] = []
    forwardLibraryChanges(
      ref.library,
      () => void 0,
      (flush) => {
        // Read the bucket at the moment the event is scheduled: the write must be done by then.
        const file = join(ref.dir, 'curation', `${curationBucket(id)}.json`)
        onDisk.push(readFile(file, 'utf8').then((t) => JSON.parse(t).items[id]?.myRating))
        flush()
      },
    )
    await setMyRating(ref.library, [id], 8)
    expect(await Promise.all(onDisk)).toEqual([8])
  })

  it('marks tag and import changes so the window re-reads them', async () => {
    const sent: LibraryChanged[] = []
    const stop = forwardLibraryChanges(ref.library, (c) => sent.push(c))
    await addTags(ref.library, [ref.ids[0]!], ['brand-new-tag'])
    await turn()
    expect(sent).toEqual([{ reviews: false, curationIds: [ref.ids[0]], meta: true }])
    stop()
    await setMyRating(ref.library, [ref.ids[1]!], 5)
    await turn()
    expect(sent).toHaveLength(1)
  })
})
