import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  addTag,
  expectAccessible,
  GRITTY,
  importSample,
  list,
  option,
  reader,
  REFN,
  select,
} from './workspace-support'

// Issue 13: search snippets in the list, the multi-selection pane, and insights that sit under
// the list (the reader stays), filter when a bar is clicked and show shares as well as counts.
const EXPECTED = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.expected.json')

let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('a text search shows the matching passage under each row, the words marked', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await expect(list(page).locator('.snippet')).toHaveCount(0)

  // "Selby" is in the text of GRITTY, not in its headline or byline.
  await page.getByRole('searchbox', { name: 'Search' }).fill('selby')
  await expect(list(page).getByRole('option')).not.toHaveCount(25)
  const row = option(page, GRITTY)
  await expect(row.locator('.snippet')).toContainText('Hubert Selby')
  await expect(row.locator('.snippet mark.match')).toHaveText(['Selby'])
  await expect(row).toHaveAccessibleName(/matching passage: .*Selby/)
  await expectAccessible(page)
  expect(app.errors).toEqual([])
})

test('two or more selected reviews get a selection pane with working bulk actions', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  await option(page, REFN).click({ modifiers: ['ControlOrMeta'] })

  const pane = page.getByRole('region', { name: '2 reviews selected' })
  await expect(pane).toBeVisible()
  await expect(page.getByRole('region', { name: 'Review', exact: true })).toHaveCount(0)
  const picked = pane.getByRole('list', { name: 'Selected reviews' })
  await expect(picked).toContainText(GRITTY)
  await expect(picked).toContainText(REFN)
  await page.screenshot({ path: test.info().outputPath('selection-pane.png') })
  await expectAccessible(page)

  await pane.getByRole('button', { name: '★ Keep' }).click()
  await expect(option(page, GRITTY)).toHaveAccessibleName(/kept/)
  await expect(option(page, REFN)).toHaveAccessibleName(/kept/)
  await pane.getByRole('textbox', { name: 'Tag for the selection' }).fill('pull-quote')
  await pane.getByRole('button', { name: 'Add tag' }).click()
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: pull-quote/)
  await expect(option(page, REFN)).toHaveAccessibleName(/tags: pull-quote/)

  // Esc in the list goes back to one review; so does Clear selection, which also hands the
  // keyboard to the list.
  await list(page).focus()
  await page.keyboard.press('Escape')
  await expect(pane).toHaveCount(0)
  await option(page, GRITTY).click({ modifiers: ['ControlOrMeta'] })
  await expect(pane).toBeVisible()
  await pane.getByRole('button', { name: 'Clear selection' }).click()
  await expect(pane).toHaveCount(0)
  await expect(reader(page).getByRole('heading', { level: 2 })).toBeVisible()
  await expect(list(page)).toBeFocused()
  expect(app.errors).toEqual([])
})

test('insights sit under the list, filter on a click and show shares', async ({ browser }) => {
  // Many steps on a shared 2-core machine: more time, no timing asserted.
  test.slow()
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await page.setViewportSize({ width: 1440, height: 900 })
  await importSample(page)
  const { reviews } = JSON.parse(await readFile(EXPECTED, 'utf8')) as {
    reviews: { rating: number | null }[]
  }
  const rated = reviews.filter((r) => r.rating !== null).length
  const tens = reviews.filter((r) => r.rating === 10).length
  const percent = `${Math.round((tens / rated) * 100)}%`
  await select(page, GRITTY)
  await addTag(page, 'acting')
  await select(page, REFN)
  await addTag(page, 'acting')
  const myRating = reader(page).getByRole('group', { name: 'My rating' })
  await myRating.getByRole('button', { name: '9', exact: true }).click()
  await expect(option(page, REFN)).toHaveAccessibleName(/mine 9\/10/)

  await page.getByRole('button', { name: 'Insights' }).click()
  const insights = page.getByRole('region', { name: 'Insights' })
  // Beside the reader, not instead of it.
  await expect(insights).toBeVisible()
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(/^Nicolas Winding/)
  const ratings = insights.getByRole('group', { name: /^Reviews per rating/ })
  const tenBar = ratings.getByRole('button', { name: new RegExp(`^Original 10: ${tens} \\(`) })
  await expect(tenBar).toHaveAccessibleName(new RegExp(`\\(${percent}\\)`))
  await expect(tenBar).toContainText(`${tens} · ${percent}`)
  await page.screenshot({ path: test.info().outputPath('insights.png') })
  await expectAccessible(page)

  // One rating of mine against 24 originals: by count its bar is a sliver, as a share of its own
  // series it is the longest. The labels keep both figures either way.
  const mineNine = ratings.getByRole('button', { name: /^Mine 9: 1 \(100%\)/ })
  const width = async (bar: typeof tenBar) => (await bar.locator('.bar-fill').boundingBox())!.width
  expect(await width(mineNine)).toBeLessThan(await width(tenBar))
  await insights.getByRole('radio', { name: 'Share of each series' }).check()
  await expect.poll(async () => (await width(mineNine)) > (await width(tenBar))).toBe(true)
  await expect(ratings.getByRole('button', { name: /^Mine 10: 0 / })).toBeDisabled()
  await expect(tenBar).toContainText(`${tens} · ${percent}`)

  await tenBar.click()
  await expect(page.locator('#review-count')).toHaveText(`${tens} reviews`)
  await expect(page.getByRole('combobox', { name: 'Minimum rating' })).toHaveValue('10')
  await expect(insights).toContainText(`${tens} reviews`)

  // A tag's bar adds that tag to the filters.
  await page.getByRole('button', { name: 'Reset filters' }).click()
  await expect(page.locator('#review-count')).toHaveText('25 reviews')
  const tags = insights.getByRole('group', { name: /^Reviews per tag/ })
  await tags.getByRole('button', { name: /^Tagged acting: 2 \(8%\)/ }).click()
  await expect(page.locator('#review-count')).toHaveText('2 reviews')
  await expect(list(page).getByRole('option')).toHaveCount(2)
  expect(app.errors).toEqual([])
})
