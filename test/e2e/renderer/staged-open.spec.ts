import { expect, test, type Page } from '@playwright/test'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { listCacheWritten } from '../../../electron/domain/library/list-cache-keeper'
import { indexCacheOptions, searchEngine } from '../../../electron/domain/search/engine-registry'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { GRITTY, importSample, list, option, reader, startsWith } from './workspace-support'

// A large library opens staged: the list from list-cache.bin at once, the review text read
// afterwards. Here the text is held back until the test lets it go, to see the window meanwhile.
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('rows show before the review text is read; the reader waits for it, then shows it', async ({
  browser,
}) => {
  const libraryDir = await makeTempLibraryDir()
  app = await openCuratorPage({ browser, libraryDir })
  await importSample(app.page)
  const rows = await list(app.page).getByRole('option').count()
  await app.close()
  // An open that reads every file writes the list cache for the next one.
  const first = await openLibrary(libraryDir, { staged: true, listCacheDelayMs: 0 })
  await listCacheWritten(first)
  await first.close()

  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  app = await openCuratorPage({ browser, libraryDir, beforeBodies: () => held })
  const { page } = app
  await expect(list(page).getByRole('option')).toHaveCount(rows)
  await option(page, GRITTY).click()
  await expect(reader(page).getByRole('status')).toHaveText('Loading review text…')
  // Still waiting a moment later: no error, no text, nothing timed out.
  await page.waitForTimeout(300)
  await expect(reader(page).getByRole('status')).toHaveText('Loading review text…')
  await expect(reader(page).getByText('Dedicated to Hubert Selby Jr.')).toHaveCount(0)

  release()
  await expect(reader(page).getByText('Dedicated to Hubert Selby Jr.')).toBeVisible()
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(startsWith(GRITTY))
  expect(app.errors).toEqual([])
  await expect(page.getByRole('alert')).toHaveCount(0)
})

test('a text search is answered from the index before the text is read; snippets follow it', async ({
  browser,
}) => {
  const libraryDir = await makeTempLibraryDir()
  app = await openCuratorPage({ browser, libraryDir })
  await importSample(app.page)
  const rows = await list(app.page).getByRole('option').count()
  await app.close()
  // The list cache and the index cache file (kept here below the app's 5,000 reviews).
  const first = await openLibrary(libraryDir, { staged: true, listCacheDelayMs: 0 })
  const engine = searchEngine(first, { cache: indexCacheOptions(libraryDir, 0) })
  await first.bodies()
  await listCacheWritten(first)
  await engine.ready()
  await engine.cacheWritten()
  await first.close()

  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  app = await openCuratorPage({ browser, libraryDir, beforeBodies: () => held, indexCacheFrom: 0 })
  // A library closed with its text unread waits for it: let it go whatever happens here.
  const { page } = app
  try {
    await searchBeforeText(page, rows)
  } finally {
    release()
  }
  const row = option(page, GRITTY)
  await expect(row.locator('.snippet')).toContainText('Hubert Selby')
  expect(app.errors).toEqual([])
})

async function searchBeforeText(page: Page, rows: number): Promise<void> {
  await expect(list(page).getByRole('option')).toHaveCount(rows)
  // "Selby" is in the text of GRITTY, not its headline: the index finds it while the text is
  // still unread, and with no text there is no passage to show yet.
  await page.getByRole('searchbox', { name: 'Search' }).fill('selby')
  await expect(list(page).getByRole('option')).not.toHaveCount(rows)
  await expect(option(page, GRITTY)).toBeVisible()
  await page.waitForTimeout(300)
  await expect(list(page).locator('.snippet')).toHaveCount(0)
}
