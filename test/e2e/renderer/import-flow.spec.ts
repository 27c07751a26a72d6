import { mkdtemp, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { test, expect, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'

// The import flow against the real handlers: paste → preview → commit, the mapping step of a
// CSV, cancel, undo import, and progress on a large-ish dump.
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

const libraryCount = (page: Page) =>
  page.evaluate(async () => {
    const api = (
      window as unknown as {
        curator: { invoke(c: string, r: unknown): Promise<{ value: { reviewCount: number } }> }
      }
    ).curator
    return (await api.invoke('library:info', {})).value.reviewCount
  })

test('paste shows a preview; Cancel changes nothing, Import commits, Undo import reverts', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  const content = await readFile(FIXTURE, 'utf8')

  await paste(page, content)
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('IMDb user reviews page (copied text)')
  await expect(preview).toContainText('Pusher II (2004)')
  await expect(preview).toContainText('25 new · 0 changed · 0 already there')
  await expect(preview).toContainText('The page declares 44 reviews but only 25 were in the copy')
  await expect(preview).toContainText('First 20 of 25 reviews')
  await expect(preview.getByRole('cell', { name: 'Gritty, bleak and unforgettable' })).toBeVisible()
  await expect(preview).toContainText('Ambiguous bylines')
  await expect(preview.getByRole('cell', { name: 'UlrikSander11 March 2006' })).toBeVisible()
  await preview.getByRole('button', { name: 'Cancel' }).click()
  await expect(preview).toBeHidden()
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  expect(await libraryCount(page)).toBe(0)

  await paste(page, content)
  await preview.getByRole('button', { name: 'Import 25 reviews' }).click()
  const report = page.getByRole('dialog', { name: 'Import report' })
  await expect(report).toContainText('25 added · 0 updated · 0 unchanged')
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()

  await report.getByRole('button', { name: 'Undo import' }).click()
  await expect(report.getByRole('status')).toHaveText('Import undone (Redo brings it back).')
  await expect(report.getByRole('button', { name: 'Undo import' })).toHaveCount(0)
  await report.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()
  expect(app.errors).toEqual([])
})

test('Import → Paste with a CSV goes through the mapping step', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await page.getByRole('button', { name: 'Paste…' }).click()
  const box = page.getByRole('dialog', { name: 'Paste reviews' })
  await box
    .getByRole('textbox')
    .fill('who,stars,said\nann,4,"Loved it, truly"\nbob,2,Meh\ncyd,5,Best film of the year\n')
  await box.getByRole('button', { name: 'Preview' }).click()

  // Unknown column names: detection cannot tell, so the user picks CSV by hand.
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('Pasted text is not a review page')
  await preview.getByRole('combobox', { name: 'Format of Pasted text' }).selectOption('csv')
  await expect(preview).toContainText('no column holds the review text')
  await expect(preview.getByRole('button', { name: /^Import/ })).toBeDisabled()
  await preview.getByRole('combobox', { name: 'Field for column said' }).selectOption('body')
  await expect(preview).toContainText('3 new · 0 changed · 0 already there')
  await preview.getByRole('combobox', { name: 'Field for column who' }).selectOption('author')
  await preview.getByRole('combobox', { name: 'Field for column stars' }).selectOption('rating')
  await preview.getByRole('combobox', { name: 'Rating scale' }).selectOption('5')
  await expect(preview.getByRole('cell', { name: '10/10', exact: true })).toBeVisible()
  await expect(preview.getByRole('cell', { name: 'cyd', exact: true })).toBeVisible()

  await preview.getByRole('button', { name: 'Import 3 reviews' }).click()
  const report = page.getByRole('dialog', { name: 'Import report' })
  await expect(report).toContainText('3 added')
  await report.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByText('3 reviews', { exact: true })).toBeVisible()
  expect(app.errors).toEqual([])
})

test('undoing a re-import from its report keeps the earlier import', async ({ browser }) => {
  app = await openCuratorPage({
    browser,
    libraryDir: await makeTempLibraryDir(),
    dialogs: { chooseImportFiles: async () => [FIXTURE] },
  })
  const { page } = app
  await page.getByRole('button', { name: 'Import…' }).click()
  const report = page.getByRole('dialog', { name: 'Import report' })
  await expect(report).toContainText('25 added')
  await report.getByRole('button', { name: 'Close' }).click()

  // A newer copy of the same page, pasted: it updates one review of the same work.
  const newer = (await readFile(FIXTURE, 'utf8')).replace(
    '54 out of 62 found',
    '60 out of 70 found',
  )
  await paste(page, newer)
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('0 new · 1 changed · 24 already there')
  await preview.getByRole('button', { name: 'Import 0 new, update 1' }).click()
  await expect(report).toContainText('0 added · 1 updated · 24 unchanged')
  await report.getByRole('button', { name: 'Undo import' }).click()
  await expect(report.getByRole('status')).toHaveText('Import undone (Redo brings it back).')
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  expect(app.errors).toEqual([])
})

test('a large-ish dump shows import progress in the window', async ({ browser }) => {
  const dir = await mkdtemp(join(tmpdir(), 'curator-big-'))
  const big = join(dir, 'big-dump.txt')
  const text = await readFile(FIXTURE, 'utf8')
  const header = text.slice(0, text.indexOf('8/10'))
  const blocks = text.slice(header.length).split(/(?<=\nPermalink\n)/)
  blocks.pop()
  const copies: string[] = [header]
  // About 12 MB: distinct headlines make distinct reviews.
  for (let i = 0; i < 400; i++) {
    for (const block of blocks) copies.push(block.replace(/^(\d+\/10\n)(.*)$/m, `$1$2 #${i}`))
  }
  await writeFile(big, copies.join(''))

  app = await openCuratorPage({
    browser,
    libraryDir: await makeTempLibraryDir(),
    dialogs: { chooseImportFiles: async () => [big] },
  })
  const { page } = app
  // Record whether the bar ever appeared: it may come and go between two polls.
  await page.evaluate(() => {
    const w = window as unknown as { sawProgress: boolean }
    w.sawProgress = false
    new MutationObserver(() => {
      if (document.querySelector('progress[aria-label="Import progress"]')) w.sawProgress = true
    }).observe(document.body, { childList: true, subtree: true })
  })
  await page.getByRole('button', { name: 'Import…' }).click()
  const report = page.getByRole('dialog', { name: 'Import report' })
  await expect(report).toContainText('big-dump.txt', { timeout: 120_000 })
  expect(
    await page.evaluate(() => (window as unknown as { sawProgress: boolean }).sawProgress),
  ).toBe(true)
  const progress = app.emitted.filter((e) => e.event === 'import:progress')
  expect(progress.some((e) => (e.payload as { phase: string }).phase === 'parsing')).toBe(true)
  expect(progress.at(-1)!.payload).toMatchObject({ active: false })
  await expect(page.getByRole('progressbar', { name: 'Import progress' })).toHaveCount(0)
  expect(app.errors).toEqual([])
})
