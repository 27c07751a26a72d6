import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { Library } from '../../../electron/domain/library/library'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { setKept, setReviewed } from '../../../electron/app/commands/curate'
import { queryReviews } from '../../../electron/domain/queries/query-service'
import { libraryInfo } from '../../../electron/domain/queries/library-info'
import { resolveScope } from '../../../electron/domain/export/select'
import { parseJsonExport } from '../../../electron/domain/export/restore-parse'
import { importPaths } from '../../../electron/app/import/run-import'
import { renderExport } from '../../../electron/app/export/export-service'
import { FIXTURE, steppingClock, tempDir } from '../support/temp-library'

// The Reviewed state (issue 13): a per-review flag apart from Keep, stored with the curation,
// queried as `reviewed:yes`, counted for the sidebar, an export scope, undone in one step.
let library: Library
let dir: string
let cleanup: () => Promise<void>
let ids: string[]

beforeEach(async () => {
  const temp = await tempDir()
  dir = temp.dir
  cleanup = temp.cleanup
  library = await openLibrary(dir, { now: steppingClock() })
  await importPaths(library, [FIXTURE])
  ids = [...library.allReviews()].map((r) => r.id)
})
afterEach(async () => {
  await library.close()
  await cleanup()
})

const found = (query: Parameters<typeof queryReviews>[1]) =>
  queryReviews(library, query, 0, 1000)
    .rows.map((r) => r.id)
    .sort()

describe('the Reviewed state', () => {
  it('is its own flag: filtered, typed, counted and scoped apart from Keep', async () => {
    const marked = ids.slice(2, 5)
    await setReviewed(library, marked, true)
    await setKept(library, [ids[0]!], true)
    expect(marked.every((id) => library.getCuration(id).reviewed)).toBe(true)
    expect(library.getCuration(ids[0]!).reviewed).toBe(false)
    expect(found({ reviewed: true })).toEqual([...marked].sort())
    expect(found({ q: 'reviewed:yes' })).toEqual([...marked].sort())
    expect(found({ q: 'reviewed:no' })).toHaveLength(ids.length - 3)
    expect(found({ q: '-reviewed:yes' })).toHaveLength(ids.length - 3)
    expect(found({ reviewed: true, kept: true })).toEqual([])
    const rows = queryReviews(library, { reviewed: true }, 0, 10).rows
    expect(rows.every((r) => r.reviewed && !r.kept)).toBe(true)
    const info = libraryInfo(library)
    expect(info.reviewedCount).toBe(3)
    expect(info.keptCount).toBe(1)
    expect(resolveScope(library, { kind: 'reviewed' })).toEqual({
      label: 'Reviewed reviews',
      query: { reviewed: true },
      subject: { kind: 'reviewed' },
    })
  })

  it('is one undo step, named, and survives a reopen on its own', async () => {
    await setReviewed(library, ids.slice(0, 2), true)
    expect(library.history.state().entries[0]?.label).toBe('Mark 2 reviews reviewed')
    await library.history.undo()
    expect(found({ reviewed: true })).toEqual([])
    await library.history.redo()
    expect(found({ reviewed: true })).toHaveLength(2)
    await setReviewed(library, [ids[0]!], false)
    expect(library.history.state().entries[0]?.label).toBe('Mark review not reviewed')
    // A curation holding nothing but the flag is still written.
    await library.close()
    library = await openLibrary(dir, { now: steppingClock() })
    expect(found({ reviewed: true })).toEqual([ids[1]!])
  })

  it('restores from an export written before the flag existed, as not reviewed', async () => {
    await setReviewed(library, [ids[0]!], true)
    const everything = { label: 'The whole library', query: {} }
    const exported = renderExport(library, 'json', everything).text
    expect(exported).toMatch(/"reviewed": ?true/)
    const text = exported.replace(/,\s*"reviewed": ?(true|false)/g, '')
    expect(text).not.toContain('"reviewed"')
    const plan = parseJsonExport('old.json', text)
    expect(plan.curation.size).toBeGreaterThan(0)
    expect([...plan.curation.values()].every((c) => c.reviewed === false)).toBe(true)
  })
})
