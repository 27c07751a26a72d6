import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test, expect, type Page } from '@playwright/test'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { addHighlight, setKept, setNote } from '../../../electron/app/commands/curate'
import { importPaths } from '../../../electron/app/import/run-import'
import { renderExport } from '../../../electron/app/export/export-service'
import { readZip } from '../../support/read-zip'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { expectAccessible } from './workspace-support'

// Issue 13, point 4: from the Export… dialog to something an editor accepts. The title is
// editable and named after the work and the set, the file too; the note's Markdown is rendered;
// the report passes axe with landmarks; the Word quote sheet holds the quotes; Q copies a quote
// with its attribution.

const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')
const GRITTY = 'Gritty, bleak and unforgettable'
const PASSAGE = 'Pusher II moves in the familiar territory of the New York writer'
const LATER = 'cocaine-fueled failures of all kinds'
const NOTE = '**Bleakest** of the three; see [IMDb](https://www.imdb.com/title/tt0396184/)'

let app: CuratorPage | undefined
test.afterEach(async () => {
  await app?.close()
  app = undefined
})

/** Three kept reviews; the Gritty one has two highlights and a Markdown note. */
async function keptLibrary(): Promise<string> {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  try {
    await importPaths(library, [FIXTURE])
    const all = [...library.allReviews()]
    const gritty = all.find((r) => r.title === GRITTY)!
    const others = all.filter((r) => r !== gritty).slice(0, 2)
    await setKept(library, [gritty.id, ...others.map((r) => r.id)], true)
    await setNote(library, gritty.id, NOTE)
    for (const quote of [PASSAGE, LATER]) {
      const start = gritty.body.indexOf(quote)
      await addHighlight(library, gritty.id, { start, end: start + quote.length, quote })
    }
  } finally {
    await library.close()
  }
  return dir
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const d = page.getByRole('dialog', { name: 'Export' })
  await expect(d).toBeVisible()
  await d.getByRole('radio', { name: 'Kept reviews' }).check()
  await expect(d.getByRole('status')).toHaveText('3 reviews will be written')
  return d
}

test('an HTML report with my title, a named file, the note rendered, and axe clean', async ({
  browser,
}) => {
  test.slow() // two axe runs and an export on a loaded machine
  app = await openCuratorPage({ browser, libraryDir: await keptLibrary() })
  const { page } = app
  const d = await openExport(page)
  await d.getByRole('combobox', { name: 'Format' }).selectOption('html')
  const title = d.getByRole('textbox', { name: 'Title' })
  await expect(title).toHaveValue('Pusher II (2004): 3 kept reviews')
  await expect(d.getByText('Saved as “Pusher II (2004) - kept reviews.html”')).toBeVisible()
  await expectAccessible(page)
  await title.fill('Pusher II: what the audience kept')
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 3 reviews to Pusher II (2004) - kept reviews.html',
  )
  const file = app.exported.at(-1)!
  expect(file.endsWith('Pusher II (2004) - kept reviews.html')).toBe(true)
  const html = await readFile(file, 'utf8')
  expect(html).toContain('<h1>Pusher II: what the audience kept</h1>')
  expect(html).not.toContain('Review report')
  expect(html).not.toContain('**Bleakest**')

  // The report itself, as an editor opens it.
  const report = await page.context().newPage()
  try {
    await report.goto(pathToFileURL(file).href)
    await expect(report.getByRole('main')).toBeVisible()
    await expect(report.getByRole('banner')).toContainText('Pusher II: what the audience kept')
    await expect(report.locator('.note strong')).toHaveText('Bleakest')
    await expect(report.locator('.note a')).toHaveAttribute('rel', 'noopener noreferrer')
    await expect(report.locator('article mark')).toHaveText([PASSAGE, LATER])
    await expect(report.locator('svg.histogram text.count').first()).toBeVisible()
    const families = await report.evaluate(() => [
      ...new Set(
        [...document.querySelectorAll('body *')].map((el) => getComputedStyle(el).fontFamily),
      ),
    ])
    expect(families).toHaveLength(1)
    await expectAccessible(report)
  } finally {
    await report.close()
  }
  expect(app.errors).toEqual([])
})

test('a Word quote sheet of the kept reviews, from the dialog', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await keptLibrary() })
  const { page } = app
  const d = await openExport(page)
  await d.getByRole('combobox', { name: 'Format' }).selectOption('docx')
  await expect(d.getByRole('textbox', { name: 'Title' })).toHaveValue(
    'Pusher II (2004): 3 kept reviews',
  )
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  await expect(page.getByRole('status').filter({ hasText: 'Exported' })).toHaveText(
    'Exported 3 reviews to Pusher II (2004) - kept reviews.docx',
  )
  const xml = readZip(await readFile(app.exported.at(-1)!))
    .get('word/document.xml')!
    .toString('utf8')
  const text = xml.replace(/<[^>]+>/g, '').replace(/&apos;/g, "'")
  expect(text).toContain('Pusher II (2004): 3 kept reviews')
  expect(text).toContain(PASSAGE)
  expect(text).toContain('— PAolo-10, 8 February 2009, rated 8/10')
  expect(text).toContain('Bleakest of the three')
  expect(app.errors).toEqual([])
})

test('Q copies the highlight with its attribution; a review without one says why not', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await keptLibrary() })
  const { page } = app
  const options = page.getByRole('listbox', { name: 'Reviews' }).getByRole('option')
  await options.filter({ hasText: GRITTY }).click()
  await expect(page.getByRole('heading', { name: GRITTY })).toBeVisible()
  await page.keyboard.press('q')
  await expect(page.getByRole('status').filter({ hasText: 'Copied quote' })).toBeVisible()
  expect(app.copied).toEqual([`“${PASSAGE}” — PAolo-10, IMDb user review, 8 February 2009 (8/10)`])
  // With the focus on a highlight in the reader, Q copies that one.
  await page.getByRole('button', { name: `Remove highlight “${LATER}”` }).focus()
  await page.keyboard.press('q')
  await expect.poll(() => app!.copied.length).toBe(2)
  expect(app.copied[1]).toBe(`“${LATER}” — PAolo-10, IMDb user review, 8 February 2009 (8/10)`)

  await options.filter({ hasNotText: GRITTY }).first().click()
  await page.keyboard.press('q')
  await expect(page.getByText(/has no highlight to copy/)).toBeVisible()
  expect(app.copied).toHaveLength(2)
  expect(app.errors).toEqual([])
})

test('the exported HTML of a hostile note renders Markdown and no markup', async ({ page }) => {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  let html: string
  try {
    await importPaths(library, [FIXTURE])
    const id = [...library.allReviews()][0]!.id
    await setNote(library, id, '**strong words** <script>window.__pwned=1</script>')
    html = renderExport(library, 'html', { label: 'all', query: {} }).text
  } finally {
    await library.close()
  }
  await mkdir(join(dir, 'out'), { recursive: true })
  const file = join(dir, 'out', 'report.html')
  await writeFile(file, html)
  await page.goto(pathToFileURL(file).href)
  await expect(page.locator('.note strong')).toHaveText('strong words')
  await expect(page.locator('.note')).toContainText('<script>window.__pwned=1</script>')
  expect(await page.locator('script').count()).toBe(0)
  await expectAccessible(page)
})
