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
  sidebar,
} from './workspace-support'

// Finding and acting on many reviews: the typed query language with its error message, saved
// views that update live and survive a reopen, "select all matching" with a bulk rating undone
// in one step, and the insights panel over the same query.
const EXPECTED = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.expected.json')
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('typed queries, saved views, select all matching, bulk rate and insights', async ({
  browser,
}) => {
  // Many steps and two accessibility scans: near a minute on a loaded 2-core machine.
  test.slow()
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await page.setViewportSize({ width: 1400, height: 900 })
  await importSample(page)
  const search = page.getByRole('searchbox', { name: 'Search' })
  const count = page.locator('#review-count')
  // The bundled sample is the fixture page; its parsed ratings say what each query must find.
  const { reviews } = JSON.parse(await readFile(EXPECTED, 'utf8')) as {
    reviews: { rating: number | null }[]
  }
  const tens = reviews.filter((r) => r.rating === 10).length
  const eights = reviews.filter((r) => (r.rating ?? 0) >= 8).length
  const n = (k: number) => `${k} ${k === 1 ? 'review' : 'reviews'}`

  // Words are folded and matched as prefixes; the matches are marked in the reader.
  await search.fill('sorensen')
  await select(page, REFN)
  await expect(reader(page).locator('mark.match').first()).toHaveText('Sørensen')

  await search.fill('rating:>=10')
  await expect(count).toHaveText(n(tens))
  // A query that does not parse says why under the box; the list keeps the last good query.
  await search.fill('rating:>=10 rating:>>')
  await expect(search).toHaveAttribute('aria-invalid', 'true')
  await expect(page.locator('#search-help')).toBeVisible()
  await expect(page.locator('#search-help')).toContainText('rating')
  await expect(count).toHaveText(n(tens))
  await expect(page.getByRole('alert')).toHaveCount(0)

  // Tag two reviews, then a typed tag query saved as a view.
  await search.fill('')
  await expect(count).toHaveText('25 reviews')
  await select(page, GRITTY)
  await addTag(page, 'acting')
  await search.fill('tag:acting')
  await expect(count).toHaveText('1 review')
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('rating')
  await sidebar(page).getByRole('button', { name: 'Save current view…' }).click()
  await sidebar(page).getByRole('textbox', { name: 'View name' }).fill('Acting')
  await page.keyboard.press('Enter')
  const view = sidebar(page).getByRole('button', { name: /^Acting \d+$/ })
  await expect(view).toHaveAccessibleName('Acting 1')
  await expect(view).toHaveAttribute('aria-pressed', 'true')

  // Views update live: tagging another review raises the count shown in the sidebar.
  await page.getByRole('button', { name: 'Reset filters' }).click()
  await expect(count).toHaveText('25 reviews')
  await expect(view).toHaveAttribute('aria-pressed', 'false')
  await select(page, REFN)
  await addTag(page, 'acting')
  await expect(view).toHaveAccessibleName('Acting 2')
  await app.reopen()
  await expect(view).toHaveAccessibleName('Acting 2')
  await view.click()
  await expect(search).toHaveValue('tag:acting')
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('rating')
  await expect(count).toHaveText('2 reviews')

  // Select all matching (Ctrl/Cmd+A in the list) and rate them all; one undo reverts all.
  await search.fill('rating:>=8')
  await expect(count).toHaveText(n(eights))
  await list(page).focus()
  await page.keyboard.press('ControlOrMeta+a')
  const bulk = page.getByRole('toolbar', { name: 'Selection' })
  await expect(bulk).toContainText(`${n(eights)} selected`)
  await expectAccessible(page)
  await bulk.getByRole('combobox', { name: 'Rate the selection' }).selectOption('5')
  await expect(page.getByRole('status').first()).toContainText(`Rated ${n(eights)} 5/10`)
  await expect(list(page).getByRole('option', { name: /mine 5\/10/ })).toHaveCount(eights)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(list(page).getByRole('option', { name: /mine 5\/10/ })).toHaveCount(0)
  await page.getByRole('button', { name: 'Redo', exact: true }).click()
  await expect(list(page).getByRole('option', { name: /mine 5\/10/ })).toHaveCount(eights)
  // Edit → Undo / Redo in the app menu step the same history.
  await app.emit('menu:command', { command: 'undo' })
  await expect(list(page).getByRole('option', { name: /mine 5\/10/ })).toHaveCount(0)
  await app.emit('menu:command', { command: 'redo' })
  await expect(list(page).getByRole('option', { name: /mine 5\/10/ })).toHaveCount(eights)

  // Insights over the current query; the biggest disagreement opens in the reader.
  await bulk.getByRole('button', { name: 'Clear selection' }).click()
  await page.getByRole('button', { name: 'Insights' }).click()
  const insights = page.getByRole('region', { name: 'Insights' })
  await expect(insights).toContainText(n(eights))
  await expect(insights.getByRole('img')).toHaveCount(1)
  await expect(insights.getByRole('group', { name: /^Reviews per rating/ })).toBeVisible()
  const table = insights.getByRole('table', { name: 'Tags with average original rating' })
  await expect(table.getByRole('row', { name: /acting/ })).toBeVisible()
  const disagree = insights.getByRole('table', { name: 'Where I disagree most' })
  const worst = disagree.getByRole('button').first()
  const headline = (await worst.textContent())!
  await expect(insights).toContainText('(−5)')
  await page.screenshot({ path: '/tmp/workspace-insights.png' })
  await expectAccessible(page)
  await worst.click()
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(headline)
  await expect(option(page, headline)).toHaveAttribute('aria-selected', 'true')
  expect(app.errors).toEqual([])
})

test('Esc leaves the search box and the note for the list, where keys are shortcuts again', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const search = page.getByRole('searchbox', { name: 'Search' })
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  await page.keyboard.type('gritty')
  await page.keyboard.press('Escape')
  await expect(list(page)).toBeFocused()
  // The query stays; the next key is not typed into the box.
  await expect(search).toHaveValue('gritty')
  await expect(page.getByText('2 reviews', { exact: true })).toBeVisible()
  await page.keyboard.press('?')
  await expect(search).toHaveValue('gritty')
  await expect(page.getByRole('dialog', { name: /shortcuts/i })).toBeVisible()
  await page.keyboard.press('Escape')

  await select(page, GRITTY)
  const note = reader(page).getByRole('textbox', { name: 'Note' })
  await note.click()
  await page.keyboard.type('Quotable opening')
  await page.keyboard.press('Escape')
  await expect(list(page)).toBeFocused()
  await expect(note).toHaveValue('Quotable opening')
  expect(app.errors).toEqual([])
})
