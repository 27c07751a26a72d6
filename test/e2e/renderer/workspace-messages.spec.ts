import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { GRITTY, importSample, list, select } from './workspace-support'

// Issue 13, point 9: messages that say what is true now. An undo replaces the status of the
// command it undid; the preview of a page already imported does not promise "Import 25 reviews";
// the warnings count is the count listed; order labels fit their field; the export dialog opens on
// the format used last.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((content) => {
    const data = new DataTransfer()
    data.setData('text/plain', content)
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, text)
}

test('status, preview, warnings, order labels and the last format tell the truth', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const status = page.locator('.toolbar-status')

  await select(page, GRITTY)
  await list(page).focus()
  await page.keyboard.press('Alt+7')
  await expect(status).toHaveText('Rated 1 review 7/10')
  await page.keyboard.press('ControlOrMeta+z')
  await expect(status).toHaveText(/^Undid: /)
  await expect(status).not.toContainText('Rated')

  // A typed rating:10 shows in the rating dropdowns instead of "Any".
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.fill('rating:10')
  const filters = page.getByRole('form', { name: 'Filters' })
  await expect(filters.getByRole('combobox', { name: 'Minimum rating' })).toHaveValue('10')
  await expect(filters.getByRole('combobox', { name: 'Maximum rating' })).toHaveValue('10')
  await search.fill('')
  await expect(filters.getByRole('combobox', { name: 'Minimum rating' })).not.toHaveValue('10')

  // The same page again: nothing is new, and the button says so.
  await paste(page, await readFile(FIXTURE, 'utf8'))
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('0 new · 0 changed · 25 already there')
  await expect(
    preview.getByRole('button', {
      name: 'Import (nothing new: all 25 reviews already in the library)',
    }),
  ).toBeVisible()
  await expect(preview.getByRole('button', { name: 'Import 25 reviews' })).toHaveCount(0)
  // Every "Warnings (n)" heading counts the warnings listed under it.
  const warnings = await preview.locator('h4').evaluateAll((heads) =>
    heads
      .filter((h) => h.textContent?.startsWith('Warnings'))
      .map((h) => ({
        said: Number(/\((\d+)/.exec(h.textContent ?? '')?.[1]),
        listed: h.nextElementSibling?.querySelectorAll('li').length ?? -1,
      })),
  )
  for (const w of warnings) expect(w.said).toBe(w.listed)
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(preview).toBeHidden()

  // Order labels fit the field; the dialog reopens on the format used last.
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  let d = page.getByRole('dialog', { name: 'Export' })
  const order = d.getByRole('combobox', { name: 'Order' })
  await expect(order.getByRole('option', { name: 'By headline, A to Z' })).toHaveCount(1)
  await expect(order.getByRole('option', { name: 'By date, newest first' })).toHaveCount(1)
  await expect(order.getByRole('option', { name: /headline, highest/ })).toHaveCount(0)
  await d.getByRole('combobox', { name: 'Format' }).selectOption('csv')
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  expect(app.exported.at(-1)).toMatch(/\.csv$/)
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  d = page.getByRole('dialog', { name: 'Export' })
  await expect(d.getByRole('combobox', { name: 'Format' })).toHaveValue('csv')
  expect(app.errors).toEqual([])
})
