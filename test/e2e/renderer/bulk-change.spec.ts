import { expect, test, type Page } from '@playwright/test'
import type { LibraryChanged } from '../../../shared/contract'
import type { Review, Work } from '../../../shared/domain'
import { IDS_WITH_EVENT } from '../../../electron/app/change-events'
import { reviewId, workId } from '../../../electron/domain/library/identity'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { generateWorks } from '../../bench/generate'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { list, reader } from './workspace-support'

// A select-all edit of more reviews than `library:changed` names (IDS_WITH_EVENT) is told as a
// count; the list and the reader then re-read what they show. These tests fail if they do not.
const SIZE = IDS_WITH_EVENT + 200
const TAG = 'quotable'

let app: CuratorPage | undefined

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

/** A library of SIZE generated reviews, none curated, with TAG pinned to key 1. */
async function largeLibrary(): Promise<string> {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  try {
    for (const { work: ref, reviews } of generateWorks(SIZE, 7)) {
      const work: Work = { id: workId(ref), ...ref }
      const stored: Review[] = reviews.map(({ line: _line, ...review }) => ({
        id: reviewId(work.id, review.bylineRaw, review.title),
        workId: work.id,
        ...review,
        importId: 'im_e2e',
        importedAt: '2026-01-01T00:00:00.000Z',
      }))
      await library.saveWorkReviews(work, stored)
    }
    await library.saveMeta((meta) => {
      meta.tags = [{ name: TAG, color: '#30638e', key: 1 }]
    })
  } finally {
    await library.close()
  }
  return dir
}

/** The rows on screen (not placeholders), and how many of them carry TAG. */
async function tagged(page: Page): Promise<{ rows: number; withTag: number }> {
  const labels = await list(page)
    .locator('[role="option"][id^="option-"]')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))
  return {
    rows: labels.length,
    withTag: labels.filter((label) => new RegExp(`tags: (.*, )?${TAG}`).test(label)).length,
  }
}

const lastChange = () =>
  app!.emitted.filter((e) => e.event === 'library:changed').at(-1)?.payload as LibraryChanged

test('select all + tag, then undo: every row shown gains the tag and loses it again', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await largeLibrary() })
  const { page } = app
  await expect(page.getByText(`${SIZE} reviews`, { exact: true })).toBeVisible()
  await list(page).locator('[role="option"][id^="option-"]').first().click()
  await page.keyboard.press('ControlOrMeta+a')
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('selected')
  const emittedBefore = app.emitted.length

  await page.keyboard.press('1')
  await expect.poll(() => app!.emitted.length).toBeGreaterThan(emittedBefore)
  expect(lastChange()).toEqual({
    reviews: false,
    curationIds: [],
    manyCurations: SIZE,
    meta: false,
  })
  const shown = await tagged(page)
  expect(shown.rows).toBeGreaterThan(5)
  expect(shown.withTag).toBe(shown.rows)

  // Nothing anticipates an undo: only its event can take the tag off the rows.
  const afterTag = app.emitted.length
  await page.keyboard.press('ControlOrMeta+z')
  await expect.poll(() => app!.emitted.length).toBeGreaterThan(afterTag)
  expect(lastChange()).toMatchObject({ curationIds: [], manyCurations: SIZE })
  await expect.poll(() => tagged(page)).toEqual({ rows: shown.rows, withTag: 0 })
  expect(app.errors).toEqual([])
})

test('a select-all tag from outside the UI reaches the review in the reader', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await largeLibrary() })
  const { page } = app
  const first = list(page).locator('[role="option"][id^="option-"]').first()
  await first.click()
  const tags = reader(page).getByRole('button', { name: `Remove tag ${TAG}` })
  await expect(reader(page).getByRole('heading', { level: 2 })).toBeVisible()
  await expect(tags).toHaveCount(0)

  // As another window or the CLI would: the list and the reader learn it from the event only.
  await page.evaluate(
    async ([tag]) => {
      type Invoke = (c: string, r: unknown) => Promise<{ ok: boolean }>
      const api = (window as unknown as { curator: { invoke: Invoke } }).curator
      const result = await api.invoke('curation:toggle-tag', { query: {}, tag })
      if (!result.ok) throw new Error('curation:toggle-tag refused')
    },
    [TAG] as const,
  )
  expect(lastChange()).toMatchObject({ curationIds: [], manyCurations: SIZE })
  await expect(tags).toHaveCount(1)
  await expect.poll(async () => (await tagged(page)).withTag).toBeGreaterThan(5)
  expect(app.errors).toEqual([])
})
