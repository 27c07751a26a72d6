import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { readCsv } from '../../support/read-csv'
import { importPaths } from '../../../electron/app/import/run-import'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  DISAPPOINTING,
  expectAccessible,
  GRITTY,
  headlines,
  list,
  option,
  reader,
  REFN,
  select,
  sidebar,
} from './workspace-support'

// Manual collections on the real handlers: gather three reviews with the C key and the reader's
// button, open the collection, reorder it by keyboard and by drag, and export it in that order.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')

let app: CuratorPage | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

async function referenceLibrary(): Promise<string> {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  try {
    await importPaths(library, [FIXTURE])
  } finally {
    await library.close()
  }
  return dir
}

const addDialog = (page: Page) =>
  page.getByRole('dialog', { name: /^Add 1 review to a collection/ })
const status = (page: Page, text: string | RegExp) =>
  expect(page.getByRole('status').filter({ hasText: text })).toBeVisible()
const starts = (titles: string[]) => titles.map((t) => t.slice(0, 12))

async function exportAs(page: Page, format: 'csv' | 'html'): Promise<void> {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const d = page.getByRole('dialog', { name: 'Export' })
  // Opened from a collection's list, the dialog starts on that collection.
  await expect(d.getByRole('radio', { name: 'A collection (in its order)' })).toBeChecked()
  await expect(d.getByRole('combobox', { name: 'Collection' })).toHaveValue('co_1')
  await d.getByRole('combobox', { name: 'Format' }).selectOption(format)
  await expect(d.getByRole('status')).toHaveText(/^3 reviews will be written$/)
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
}

test('gathers reviews into a collection, reorders it by keyboard and drag, exports it in order', async ({
  browser,
}) => {
  // Many steps on the real handlers: a loaded 2-core machine needs more than the default time.
  test.slow()
  app = await openCuratorPage({ browser, libraryDir: await referenceLibrary() })
  const { page } = app

  // C on the list opens the dialog; a new collection is created with the review in it.
  await select(page, GRITTY)
  await list(page).press('c')
  let d = addDialog(page)
  await d.getByRole('textbox', { name: 'New collection' }).fill('Pull quotes')
  await d.getByRole('button', { name: 'Create and add' }).click()
  await expect(d).toBeHidden()
  await status(page, 'Created Pull quotes with 1 review')

  // The reader's button, then the C key again, add to the existing collection.
  await select(page, REFN)
  await reader(page).getByRole('button', { name: 'Add to collection…' }).click()
  d = addDialog(page)
  await d.getByRole('button', { name: /^Pull quotes/ }).click()
  await expect(d).toBeHidden()
  await select(page, DISAPPOINTING)
  await list(page).press('c')
  await addDialog(page)
    .getByRole('button', { name: /^Pull quotes/ })
    .click()
  await status(page, /^Added 1 review to Pull quotes \(3 reviews\)$/)

  // The sidebar counts it; clicking it shows the collection in the order the reviews were added.
  const entry = sidebar(page).getByRole('button', { name: /^Pull quotes/ })
  await expect(entry).toHaveText('Pull quotes3')
  await entry.click()
  await expect(entry).toHaveAttribute('aria-pressed', 'true')
  await expect(page.getByText('3 reviews', { exact: true })).toBeVisible()
  await expect
    .poll(async () => starts(await headlines(page)))
    .toEqual(starts([GRITTY, REFN, DISAPPOINTING]))
  await expect(page.getByRole('combobox', { name: 'Sort by' })).toHaveValue('')
  await expect(
    page.getByRole('combobox', { name: 'Sort by' }).locator('option:checked'),
  ).toHaveText('Collection order')
  await expectAccessible(page)

  // Alt+↑ moves the current review up one place; the cursor stays on it.
  await select(page, DISAPPOINTING)
  await list(page).press('Alt+ArrowUp')
  await expect
    .poll(async () => starts(await headlines(page)))
    .toEqual(starts([GRITTY, DISAPPOINTING, REFN]))
  await status(page, /^Moved “Disappointing” to place 2 of 3 in Pull quotes$/)
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(DISAPPOINTING)

  // Dragging the first row onto the last puts it last.
  const from = await option(page, GRITTY).boundingBox()
  const to = await option(page, REFN).boundingBox()
  await page.mouse.move(from!.x + 40, from!.y + from!.height / 2)
  await page.mouse.down()
  await page.mouse.move(to!.x + 40, to!.y + to!.height / 2, { steps: 8 })
  await page.mouse.up()
  await expect
    .poll(async () => starts(await headlines(page)))
    .toEqual(starts([DISAPPOINTING, REFN, GRITTY]))

  // Each move is one undo step.
  await list(page).press('Control+z')
  await expect
    .poll(async () => starts(await headlines(page)))
    .toEqual(starts([GRITTY, DISAPPOINTING, REFN]))
  await list(page).press('Control+Shift+z')
  await expect
    .poll(async () => starts(await headlines(page)))
    .toEqual(starts([DISAPPOINTING, REFN, GRITTY]))

  // The exports follow the collection's order.
  await exportAs(page, 'csv')
  const csv = readCsv((await readFile(app.exported[0]!, 'utf8')).slice(1))
  expect(starts(csv.rows.map((r) => r.title ?? ''))).toEqual(starts([DISAPPOINTING, REFN, GRITTY]))
  expect(app.exported[0]).toMatch(/\/Pusher II \(2004\) - Pull quotes\.csv$/)
  await exportAs(page, 'html')
  const html = await readFile(app.exported[1]!, 'utf8')
  const at = [DISAPPOINTING, REFN, GRITTY].map((t) => html.indexOf(`>${t.slice(0, 12)}`))
  expect(at.every((i) => i > 0)).toBe(true)
  expect([...at].sort((a, b) => a - b)).toEqual(at)
  expect(app.errors).toEqual([])
})

test('renames, removes from and deletes a collection, and deleting is undone', async ({
  browser,
}) => {
  // Many steps on the real handlers: a loaded 2-core machine needs more than the default time.
  test.slow()
  app = await openCuratorPage({ browser, libraryDir: await referenceLibrary() })
  const { page } = app
  await select(page, GRITTY)
  // C is for the list and the reader: on a sidebar button it does nothing.
  await sidebar(page).getByRole('button', { name: 'New collection…' }).press('c')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await list(page).press('c')
  await addDialog(page).getByRole('textbox', { name: 'New collection' }).fill('Draft')
  await addDialog(page).getByRole('button', { name: 'Create and add' }).click()
  await status(page, 'Created Draft with 1 review')

  // The selection bar adds a multi-selection; a review already in it is not counted twice.
  await option(page, REFN).click({ modifiers: ['Control'] })
  const bar = page.getByRole('toolbar', { name: 'Selection' })
  await bar.getByRole('button', { name: 'Add to collection…' }).click()
  const many = page.getByRole('dialog', { name: /^Add 2 reviews to a collection/ })
  await expect(many).toBeVisible()
  await expectAccessible(page)
  await many.getByRole('button', { name: /^Draft/ }).click()
  await status(page, /^Added 1 review to Draft \(2 reviews\)$/)
  await bar.getByRole('button', { name: 'Clear selection' }).click()

  await sidebar(page).getByRole('button', { name: 'Rename collection Draft' }).click()
  const name = sidebar(page).getByRole('textbox', { name: 'New name for Draft' })
  await name.fill('Final')
  await name.press('Enter')
  const entry = sidebar(page).getByRole('button', { name: /^Final/ })
  await expect(entry).toHaveText('Final2')

  await entry.click()
  await select(page, GRITTY)
  await page.getByRole('button', { name: 'Remove from collection' }).click()
  await expect(page.getByText('1 review', { exact: true })).toBeVisible()
  await expect(entry).toHaveText('Final1')
  await expect.poll(async () => starts(await headlines(page))).toEqual(starts([REFN]))
  await expectAccessible(page)

  await sidebar(page).getByRole('button', { name: 'Delete collection Final' }).click()
  await expect(entry).toBeHidden()
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  const back = sidebar(page).getByRole('button', { name: /^Final/ })
  await expect(back).toHaveText('Final1')

  // Shown while the delete is redone: the list says so and offers the way out.
  await back.click()
  await expect(page.getByText('1 review', { exact: true })).toBeVisible()
  await page.getByRole('button', { name: 'Redo', exact: true }).click()
  await expect(page.getByText('This collection no longer exists.')).toBeVisible()
  await page.getByRole('button', { name: 'All reviews' }).click()
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  expect(app.errors).toEqual([])
})
