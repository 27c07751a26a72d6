import { readFile, readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { readCsv } from '../../support/read-csv'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addTags, setKept } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { expectAccessible } from './workspace-support'

// The Export… dialog through the real handlers: scope with a count before writing, format and
// options, the file the handlers write, presets and last settings kept in the library.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')
const GRITTY = 'Gritty, bleak and unforgettable'

let app: CuratorPage | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

/** A library with the reference page and two reviews tagged, made through the domain API. */
async function preparedLibrary(): Promise<string> {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  try {
    await importPaths(library, [FIXTURE])
    const ids = [...library.allReviews()]
      .filter((r) => r.title === GRITTY || r.title.startsWith('Nicolas Winding Refn'))
      .map((r) => r.id)
    await addTags(library, ids, ['pull-quote'])
  } finally {
    await library.close()
  }
  return dir
}

const dialog = (page: Page) => page.getByRole('dialog', { name: 'Export' })

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  await expect(dialog(page)).toBeVisible()
  return dialog(page)
}

test('exports a tag as CSV from the dialog, with the count shown first', async ({ browser }) => {
  const libraryDir = await preparedLibrary()
  app = await openCuratorPage({ browser, libraryDir })
  const { page } = app
  let d = await openDialog(page)
  await expect(d.getByRole('status')).toHaveText('25 reviews will be written')
  await expectAccessible(page)

  await d.getByRole('radio', { name: 'A tag' }).check()
  await d.getByRole('combobox', { name: 'Tag' }).selectOption('pull-quote')
  await expect(d.getByRole('status')).toHaveText('2 reviews will be written')
  await d.getByRole('combobox', { name: 'Format' }).selectOption('csv')
  await d.getByRole('radio', { name: 'Original fields only' }).check()
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 2 reviews to Pusher II (2004) - tag pull-quote.csv',
  )
  expect(app.exported).toHaveLength(1)
  const text = await readFile(app.exported[0]!, 'utf8')
  expect(text.startsWith('\uFEFF')).toBe(true)
  const csv = readCsv(text.slice(1))
  const parsed = { data: csv.rows, meta: { fields: csv.fields } }
  expect(parsed.meta.fields).not.toContain('my_rating')
  expect(parsed.data.map((r) => r.title)).toContain(GRITTY)

  // The last CSV settings come back when CSV is chosen again; JSON keeps its own.
  d = await openDialog(page)
  await d.getByRole('combobox', { name: 'Format' }).selectOption('csv')
  await expect(d.getByRole('radio', { name: 'Original fields only' })).toBeChecked()
  await d.getByRole('combobox', { name: 'Format' }).selectOption('json')
  await expect(d.getByRole('radio', { name: /^Everything/ })).toBeChecked()
  await d.getByRole('button', { name: 'Cancel' }).click()
  expect(app.errors).toEqual([])
})

test('saves a named preset that survives a reopen, and explains PDF in the browser', async ({
  browser,
}) => {
  const libraryDir = await preparedLibrary()
  app = await openCuratorPage({ browser, libraryDir })
  const { page } = app
  let d = await openDialog(page)
  await d.getByRole('combobox', { name: 'Format' }).selectOption('md')
  await d.getByRole('checkbox', { name: 'Include spoiler reviews' }).uncheck()
  await d.getByRole('textbox', { name: 'Preset name' }).fill('Poster quotes')
  await d.getByRole('button', { name: 'Save preset' }).click()
  await expect(d.getByRole('combobox', { name: 'Preset' })).toHaveValue('Poster quotes')
  // Nothing is kept or highlighted yet: the quote sheet would be empty, so Export is off.
  await expect(d.getByRole('status')).toHaveText('0 reviews will be written')
  await expect(d.getByRole('button', { name: 'Export…' })).toBeDisabled()

  await d.getByRole('combobox', { name: 'Format' }).selectOption('pdf')
  await expect(d.getByRole('note')).toContainText('PDF needs the desktop app')
  await expect(d.getByRole('button', { name: 'Export…' })).toBeDisabled()
  await d.getByRole('button', { name: 'Cancel' }).click()

  await app.reopen()
  d = await openDialog(page)
  await d.getByRole('combobox', { name: 'Preset' }).selectOption('Poster quotes')
  await expect(d.getByRole('combobox', { name: 'Format' })).toHaveValue('md')
  await expect(d.getByRole('checkbox', { name: 'Include spoiler reviews' })).not.toBeChecked()
  await d.getByRole('button', { name: 'Cancel' }).click()
  // Nothing was written by any of this.
  expect(await readdir(join(libraryDir)).then((n) => n.includes('exports'))).toBe(false)
  expect(app.errors).toEqual([])
})

test('the quick Export JSON button still writes the list as shown', async ({ browser }) => {
  const libraryDir = await preparedLibrary()
  app = await openCuratorPage({ browser, libraryDir })
  const { page } = app
  await page.getByRole('button', { name: 'Export JSON' }).click()
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    /^Exported 25 reviews to .+\.json$/,
  )
  const doc = JSON.parse(await readFile(app.exported[0]!, 'utf8'))
  expect(doc).toMatchObject({ schema: 'review-curator-export', version: 2, complete: true })
  expect(doc.reviews).toHaveLength(25)
  expect(app.errors).toEqual([])
})

test('exports exactly the selected reviews from the selection bar', async ({ browser }) => {
  const libraryDir = await preparedLibrary()
  app = await openCuratorPage({ browser, libraryDir })
  const { page } = app
  const options = page.getByRole('listbox', { name: 'Reviews' }).getByRole('option')
  await options.nth(0).click()
  await options.nth(2).click({ modifiers: ['ControlOrMeta'] })
  const names = [await options.nth(0).textContent(), await options.nth(2).textContent()]
  await page.getByRole('button', { name: 'Export selection…' }).click()
  const d = dialog(page)
  await expect(d.getByRole('radio', { name: 'Selected reviews (2 reviews)' })).toBeChecked()
  await expect(d.getByRole('status')).toHaveText('2 reviews will be written')
  await d.getByRole('combobox', { name: 'Format' }).selectOption('jsonl')
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  const lines = (await readFile(app.exported[0]!, 'utf8')).trim().split('\n')
  const titles = lines.map((l) => (JSON.parse(l) as { title: string }).title)
  expect(titles).toHaveLength(2)
  for (const [i, title] of titles.entries()) expect(names[i]).toContain(title)
  expect(app.errors).toEqual([])
})

test('kept reviews are a set: a Kept filter in the bar and a Kept reviews export scope', async ({
  browser,
}) => {
  const libraryDir = await makeTempLibraryDir()
  const library = await openLibrary(libraryDir)
  let keptTitles: string[]
  try {
    await importPaths(library, [FIXTURE])
    const kept = [...library.allReviews()].slice(3, 6)
    keptTitles = kept.map((r) => r.title)
    await setKept(
      library,
      kept.map((r) => r.id),
      true,
    )
  } finally {
    await library.close()
  }
  app = await openCuratorPage({ browser, libraryDir })
  const { page } = app
  const count = (n: number) => expect(page.getByText(`${n} reviews`, { exact: true })).toBeVisible()
  await count(25)
  const filters = page.getByRole('form', { name: 'Filters' })
  await filters.getByRole('combobox', { name: 'Kept' }).selectOption('yes')
  await count(3)
  const shown = page.getByRole('listbox', { name: 'Reviews' }).getByRole('option')
  await expect(shown).toHaveCount(3)
  for (const title of keptTitles) await expect(shown.filter({ hasText: title })).toHaveCount(1)
  await filters.getByRole('combobox', { name: 'Kept' }).selectOption('no')
  await count(22)
  await filters.getByRole('combobox', { name: 'Kept' }).selectOption('any')
  await count(25)

  const d = await openDialog(page)
  await d.getByRole('radio', { name: 'Kept reviews' }).check()
  await expect(d.getByRole('status')).toHaveText('3 reviews will be written')
  await d.getByRole('combobox', { name: 'Format' }).selectOption('json')
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  expect(app.exported.at(-1)).toMatch(/Pusher II \(2004\) - kept reviews\.json$/)
  const doc = JSON.parse(await readFile(app.exported.at(-1)!, 'utf8')) as {
    scope: { label: string }
    reviews: { title: string }[]
  }
  expect(doc.scope.label).toBe('Kept reviews')
  expect(doc.reviews.map((r) => r.title).sort()).toEqual([...keptTitles].sort())
  expect(app.errors).toEqual([])
})
