import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'

// The whole core loop against the real handlers: import, read, curate, survive a reopen,
// filter and sort, export. Reviews are found by headline because ids depend on the importer.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')
const GRITTY = 'Gritty, bleak and unforgettable'
const REFN = "Nicolas Winding Refn's Pusher 2 is even better than the first one"
const DISAPPOINTING = 'Disappointing'
const SPOILER = 'Tonni is out of jail again'
const NOTE = 'Pull the Selby Jr. dedication line for the essay.'

/** Enough CSV for the export's RFC 4180 output: quoted cells, doubled quotes, CRLF, newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  const endCell = () => {
    row.push(cell)
    cell = ''
  }
  const endRow = () => {
    endCell()
    rows.push(row)
    row = []
  }
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (ch === '"') {
      quoted = !quoted
    } else if (quoted) {
      cell += ch
    } else if (ch === ',') {
      endCell()
    } else if (ch === '\n') {
      endRow()
    } else if (ch !== '\r') {
      cell += ch
    }
  }
  if (cell !== '' || row.length > 0) endRow()
  return rows
}

const list = (page: Page) => page.getByRole('listbox', { name: 'Reviews' })
const reader = (page: Page) => page.getByRole('region', { name: 'Review' })
const startsWith = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
const option = (page: Page, headline: string) =>
  list(page).getByRole('option', { name: startsWith(headline) })

async function select(page: Page, headline: string): Promise<void> {
  await option(page, headline).click()
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(startsWith(headline))
}

async function addTag(page: Page, tag: string): Promise<void> {
  const input = reader(page).getByRole('textbox', { name: 'Add tag' })
  await input.fill(tag)
  await input.press('Enter')
  await expect(reader(page).getByRole('button', { name: `Remove tag ${tag}` })).toBeVisible()
}

async function rate(page: Page, value: number): Promise<void> {
  const button = reader(page)
    .getByRole('group', { name: 'My rating' })
    .getByRole('button', { name: String(value), exact: true })
  await button.click()
  await expect(button).toHaveAttribute('aria-pressed', 'true')
}

async function headlines(page: Page): Promise<string[]> {
  const labels = await list(page)
    .getByRole('option')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))
  return labels.map((label) => label.split(', by ')[0] ?? '')
}

let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('import, curate, reopen, filter, sort and export', async ({ browser }) => {
  const exportDir = await mkdtemp(join(tmpdir(), 'curator-export-'))
  app = await openCuratorPage({
    browser,
    libraryDir: await makeTempLibraryDir(),
    dialogs: {
      chooseImportFiles: async () => [FIXTURE],
      chooseExportPath: async (_format, name) => join(exportDir, name),
    },
  })
  const { page } = app

  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  await expect(page.getByRole('button', { name: /Try the sample/ })).toBeVisible()
  await page.getByRole('button', { name: 'Import…' }).click()

  const dialog = page.getByRole('dialog', { name: 'Import report' })
  await expect(dialog).toBeVisible()
  await expect(dialog).toContainText('pusher-ii-2004.txt')
  await expect(dialog).toContainText('Pusher II (2004)')
  await expect(dialog).toContainText('25 reviews found of 44 declared')
  await expect(dialog).toContainText(
    'The page declares 44 reviews but only 25 were in the copy — it was probably not fully expanded before copying.',
  )
  await expect(dialog).toContainText('Ambiguous bylines')
  await expect(dialog.getByRole('cell', { name: 'UlrikSander11 March 2006' })).toBeVisible()
  await expect(dialog).toContainText('UlrikSander · 2006-03-11')
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(dialog).toBeHidden()

  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  await expect(list(page).getByRole('option').first()).toBeVisible()
  await list(page).focus()
  await page.keyboard.press('End')
  await expect(list(page).getByRole('option', { selected: true })).toHaveAccessibleName(
    /^An impossibly great sequel/,
  )
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowDown')
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(GRITTY)
  await expect(reader(page)).toContainText('Dedicated to Hubert Selby Jr.')
  await expect(reader(page)).toContainText('23 of 26 found this helpful')

  await select(page, SPOILER)
  const reveal = reader(page).getByRole('button', { name: 'Reveal spoilers' })
  await expect(reveal).toBeVisible()
  const body = reader(page).locator('.review-body')
  await expect(body).toHaveCSS('filter', /blur/)
  await reveal.click()
  await expect(reveal).toBeHidden()
  await expect(body).toHaveCSS('filter', 'none')

  await select(page, REFN)
  await expect(reader(page)).toContainText('UlrikSander11 March 2006')
  await expect(reader(page)).toContainText('ambiguous')
  await addTag(page, 'pull-quote')
  await rate(page, 9)

  await select(page, GRITTY)
  await addTag(page, 'acting')
  await addTag(page, 'pull-quote')
  await reader(page).getByRole('button', { name: 'Remove tag acting' }).click()
  await expect(reader(page).getByRole('button', { name: 'Remove tag acting' })).toBeHidden()
  const note = reader(page).getByRole('textbox', { name: 'Note' })
  await note.fill(NOTE)
  await expect(reader(page).getByText('Saved')).toBeVisible()
  await rate(page, 3)
  await expect(option(page, GRITTY)).toHaveAccessibleName(
    /mine 3\/10.*tags: pull-quote.*has a note/,
  )

  await select(page, DISAPPOINTING)
  await addTag(page, 'pull-quote')

  await app.reopen()
  await select(page, GRITTY)
  await expect(reader(page).getByRole('button', { name: 'Remove tag pull-quote' })).toBeVisible()
  await expect(reader(page).getByRole('button', { name: 'Remove tag acting' })).toHaveCount(0)
  await expect(reader(page).getByRole('textbox', { name: 'Note' })).toHaveValue(NOTE)
  await expect(
    reader(page)
      .getByRole('group', { name: 'My rating' })
      .getByRole('button', { name: '3', exact: true }),
  ).toHaveAttribute('aria-pressed', 'true')

  await page.getByRole('combobox', { name: 'Tag' }).selectOption('pull-quote')
  await expect(page.getByText('3 reviews', { exact: true })).toBeVisible()
  await page.getByRole('combobox', { name: 'Sort by' }).selectOption('helpful')
  await expect.poll(() => headlines(page)).toEqual([REFN, GRITTY, DISAPPOINTING])
  await page.getByRole('combobox', { name: 'Order' }).selectOption('asc')
  await expect.poll(() => headlines(page)).toEqual([DISAPPOINTING, GRITTY, REFN])
  await page.getByRole('combobox', { name: 'Order' }).selectOption('desc')
  await page.getByRole('combobox', { name: 'Minimum rating' }).selectOption('6')
  await expect(page.getByText('2 reviews', { exact: true })).toBeVisible()
  await expect.poll(() => headlines(page)).toEqual([REFN, GRITTY])
  // My rating (REFN 9, GRITTY 3): a range, or only the reviews without one.
  await page.getByRole('combobox', { name: 'Maximum personal rating' }).selectOption('3')
  await expect.poll(() => headlines(page)).toEqual([GRITTY])
  await page.getByRole('combobox', { name: 'Maximum personal rating' }).selectOption('')
  await page.getByRole('combobox', { name: 'Minimum personal rating' }).selectOption('4')
  await expect.poll(() => headlines(page)).toEqual([REFN])
  await page.getByRole('checkbox', { name: 'Unrated' }).check()
  await expect(page.getByRole('combobox', { name: 'Minimum personal rating' })).toBeDisabled()
  await expect.poll(() => headlines(page)).toEqual([])
  await page.getByRole('checkbox', { name: 'Unrated' }).uncheck()
  await expect(page.getByRole('combobox', { name: 'Minimum personal rating' })).toHaveValue('')
  await expect(page.getByText('2 reviews', { exact: true })).toBeVisible()

  await page.getByRole('button', { name: 'Export CSV' }).click()
  const status = page.getByRole('status').filter({ hasText: 'Exported' })
  await expect(status).toHaveText(/^Exported 2 reviews to .+\.csv$/)
  const csvName = (await status.textContent())!.replace(/^Exported 2 reviews to /, '')
  const rows = parseCsv((await readFile(join(exportDir, csvName), 'utf8')).replace(/^\uFEFF/, ''))
  const header = rows[0]!
  for (const column of [
    'work_title',
    'rating',
    'my_rating',
    'title',
    'author',
    'date',
    'tags',
    'note',
  ]) {
    expect(header).toContain(column)
  }
  expect(rows.slice(1).filter((r) => r.length > 1)).toHaveLength(2)
  const gritty = rows.find((r) => r[header.indexOf('title')] === GRITTY)!
  const cell = (name: string) => gritty[header.indexOf(name)]
  expect(cell('work_title')).toBe('Pusher II')
  expect(cell('author')).toBe('PAolo-10')
  expect(cell('rating')).toBe('8')
  expect(cell('my_rating')).toBe('3')
  expect(cell('tags')).toBe('pull-quote')
  expect(cell('note')).toBe(NOTE)
  expect(cell('date')).toBe('2009-02-08')

  await page.getByRole('button', { name: 'Export JSON' }).click()
  await expect(status).toHaveText(/^Exported 2 reviews to .+\.json$/)
  const jsonName = (await status.textContent())!.replace(/^Exported 2 reviews to /, '')
  const doc = JSON.parse(await readFile(join(exportDir, jsonName), 'utf8')) as {
    reviews: {
      title: string
      rating: number
      curation: { tags: string[]; note: string; myRating: number }
    }[]
  }
  expect(doc.reviews.map((r) => r.title)).toEqual([REFN, GRITTY])
  expect(doc.reviews[1]).toMatchObject({
    rating: 8,
    curation: { tags: ['pull-quote'], note: NOTE, myRating: 3 },
  })
  expect(app.errors).toEqual([])
})

test('a file that is not a review page is refused by name and changes nothing', async ({
  browser,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'curator-bad-'))
  const bad = join(dir, 'shopping-list.txt')
  await writeFile(bad, 'eggs\nmilk\nbread\n')
  app = await openCuratorPage({
    browser,
    libraryDir: await makeTempLibraryDir(),
    dialogs: { chooseImportFiles: async () => [bad] },
  })
  const { page } = app

  await page.getByRole('button', { name: 'Import…' }).click()
  await expect(page.getByRole('alert')).toContainText('shopping-list.txt')
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()

  await page.getByRole('button', { name: /Try the sample/ }).click()
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()

  // A drop as the OS delivers it: a DataTransfer carrying a File, read in the page.
  await page.evaluate(() => {
    const data = new DataTransfer()
    data.items.add(new File(['Dear diary,\ntoday nothing happened.\n'], 'diary.txt'))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }))
  })
  await expect(page.getByRole('alert')).toContainText('diary.txt')
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
})

test('pasting a copied page outside a text field previews it, then imports it', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  const content = await readFile(FIXTURE, 'utf8')
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  await page.evaluate((text) => {
    const data = new DataTransfer()
    data.setData('text/plain', text)
    document.body.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    )
  }, content)
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('Pasted text')
  await expect(preview).toContainText('25 reviews found of 44 declared')
  await preview.getByRole('button', { name: 'Import 25 reviews' }).click()
  const dialog = page.getByRole('dialog', { name: 'Import report' })
  await expect(dialog).toContainText('Pasted text')
  await expect(dialog).toContainText('25 reviews found of 44 declared')
})
