import { readFile } from 'node:fs/promises'
import { expect, test, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  addTag,
  blurDisabledAtOnce,
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

// The keyboard and focus rules of issue 13 on the real handlers: tag entry that takes the
// highlighted offer, focus that never falls to <body>, the key map (/ Esc j k Enter t n r), and
// the Reviewed state as a filter, a sidebar set and an export scope.
const SPOILER = 'Tonni is out of jail again'
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

const focusOnBody = (page: Page) =>
  page.evaluate(() => document.activeElement === document.body || document.activeElement === null)
const current = (page: Page) => list(page).getByRole('option', { selected: true })

test('tag entry: Enter takes the highlighted offer, a new tag needs its Create option', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  await addTag(page, 'acting')

  await select(page, REFN)
  const input = reader(page).getByRole('textbox', { name: 'Add tag' })
  await input.click()
  // "act" with "acting" offered: Enter adds acting, never a typo tag "act".
  await page.keyboard.type('act')
  await expect(reader(page).getByRole('button', { name: '+ acting' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await expect(reader(page).getByRole('button', { name: 'Create “act”' })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(reader(page).getByRole('button', { name: 'Remove tag acting' })).toBeVisible()
  await expect(
    reader(page).getByRole('button', { name: 'Remove tag act', exact: true }),
  ).toHaveCount(0)
  await expect(input).toBeFocused()
  await expect(input).toHaveValue('')

  // ↓ moves the highlight to Create; Enter then creates exactly what was typed.
  await page.keyboard.type('th')
  await page.keyboard.press('ArrowDown')
  await expect(reader(page).getByRole('button', { name: 'Create “th”' })).toHaveAttribute(
    'aria-current',
    'true',
  )
  await page.keyboard.press('Escape')
  await expect(list(page)).toBeFocused()

  // Tab completes the offered name without adding it; Enter then adds it.
  await select(page, GRITTY)
  await addTag(page, 'theme/fatherhood')
  await select(page, REFN)
  await input.click()
  await page.keyboard.type('father')
  await page.keyboard.press('Tab')
  await expect(input).toHaveValue('theme/fatherhood')
  await expect(input).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(
    reader(page).getByRole('button', { name: 'Remove tag theme/fatherhood' }),
  ).toBeVisible()
  await expect(sidebar(page).getByRole('button', { name: /^fatherhood 2$/ })).toBeVisible()
  await expectAccessible(page)
  expect(app.errors).toEqual([])
})

test('focus never falls to <body>: highlight, spoiler, keep, chips, dialogs, import report', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  // Closing the import report hands the keyboard to the list, though its opener is gone.
  await expect(list(page)).toBeFocused()

  await select(page, GRITTY)
  await list(page).focus()
  await page.keyboard.press('h')
  const form = reader(page).getByRole('form', { name: 'New highlight' })
  await form.getByRole('textbox', { name: 'Passage' }).fill('Pusher II moves in the familiar')
  await form.getByRole('button', { name: 'Save highlight' }).click()
  await expect(form).toBeHidden()
  const again = reader(page).getByRole('button', { name: 'Highlight selection…' })
  await expect(again).toBeFocused()

  // Keep by click: the button is disabled while saving, yet focus comes back to it.
  const keep = reader(page).getByRole('button', { name: 'Keep' })
  await keep.click()
  await expect(keep).toHaveAttribute('aria-pressed', 'true')
  await expect(keep).toBeFocused()

  // The chip's × goes away with its tag: the Add tag field takes the keys.
  await addTag(page, 'pull-quote')
  await reader(page).getByRole('button', { name: 'Remove tag pull-quote' }).click()
  await expect(reader(page).getByRole('button', { name: 'Remove tag pull-quote' })).toHaveCount(0)
  await expect(reader(page).getByRole('textbox', { name: 'Add tag' })).toBeFocused()

  await select(page, SPOILER)
  await reader(page).getByRole('button', { name: 'Reveal spoilers' }).click()
  await expect(reader(page).getByRole('button', { name: 'Reveal spoilers' })).toBeHidden()
  expect(await focusOnBody(page)).toBe(false)
  // Focus is in the reader, so single keys act: S keeps the revealed review.
  await page.keyboard.press('s')
  await expect(option(page, SPOILER)).toHaveAccessibleName(/kept/)

  // A dialog returns focus to its opener.
  const opener = page.getByRole('button', { name: 'Shortcuts' })
  await opener.click()
  await page
    .getByRole('dialog', { name: 'Keyboard shortcuts' })
    .getByRole('button', { name: 'Close' })
    .click()
  await expect(opener).toBeFocused()
  // On a toolbar button single keys do nothing: S does not unkeep the review.
  await page.keyboard.press('s')
  await page.keyboard.press('r')
  await expect(reader(page).getByRole('button', { name: 'Keep' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(reader(page).getByRole('button', { name: 'Reviewed' })).toHaveAttribute(
    'aria-pressed',
    'false',
  )
  expect(app.errors).toEqual([])
})

test('a button disabled while it saves gets focus back even when the browser blurs it at once', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await blurDisabledAtOnce(page)

  // The reader's Keep, by click and by Enter.
  await select(page, GRITTY)
  const keep = reader(page).getByRole('button', { name: 'Keep' })
  await keep.click()
  await expect(keep).toHaveAttribute('aria-pressed', 'true')
  await expect(keep).toBeEnabled()
  await expect(keep).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(keep).toHaveAttribute('aria-pressed', 'false')
  await expect(keep).toBeEnabled()
  await expect(keep).toBeFocused()

  // The selection pane's Keep, by Enter.
  await list(page).focus()
  await page.keyboard.press('Home')
  await page.keyboard.press('Shift+ArrowDown')
  const bulkKeep = page
    .getByRole('toolbar', { name: 'Selection' })
    .getByRole('button', { name: '★ Keep' })
  await bulkKeep.focus()
  await page.keyboard.press('Enter')
  await expect(sidebar(page).getByRole('button', { name: /Kept 2$/ })).toBeVisible()
  await expect(bulkKeep).toBeEnabled()
  await expect(bulkKeep).toBeFocused()
  expect(await focusOnBody(page)).toBe(false)
  expect(app.errors).toEqual([])
})

test('the key map: / and Esc, j k, Enter, t, n, r marks reviewed and moves on', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const search = page.getByRole('searchbox', { name: 'Search' })
  await page.keyboard.press('/')
  await expect(search).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(list(page)).toBeFocused()

  await page.keyboard.press('Home')
  const first = await current(page).getAttribute('aria-label')
  await page.keyboard.press('j')
  const second = await current(page).getAttribute('aria-label')
  expect(second).not.toBe(first)
  await page.keyboard.press('k')
  await expect(current(page)).toHaveAttribute('aria-label', first!)

  // Enter opens the review: the keyboard is on its text in the reader, where keys still act.
  await page.keyboard.press('Enter')
  await expect(reader(page).getByRole('region', { name: 'Full text' })).toBeFocused()
  await page.keyboard.press('t')
  const tagField = reader(page).getByRole('textbox', { name: 'Add tag' })
  await expect(tagField).toBeFocused()
  await page.keyboard.type('nkr')
  await expect(tagField).toHaveValue('nkr')
  await page.keyboard.press('Escape')
  await expect(list(page)).toBeFocused()
  await page.keyboard.press('n')
  const note = reader(page).getByRole('textbox', { name: 'Note' })
  await expect(note).toBeFocused()
  await page.keyboard.type('jk')
  await page.keyboard.press('Escape')
  await expect(note).toHaveValue('jk')

  // R marks the current review reviewed and brings up the next one; twice.
  await page.keyboard.press('r')
  await expect(current(page)).toHaveAttribute('aria-label', second!)
  await page.keyboard.press('r')
  await expect(current(page)).not.toHaveAttribute('aria-label', second!)
  await expect(sidebar(page).getByRole('button', { name: /Reviewed 2$/ })).toBeVisible()
  await expect(page.getByRole('status').first()).toContainText('Marked 1 review reviewed')
  expect(app.errors).toEqual([])
})

test('Reviewed is a set: filter, typed query, sidebar count, export scope and undo', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  await reader(page).getByRole('button', { name: 'Reviewed' }).click()
  await expect(reader(page).getByRole('button', { name: 'Reviewed' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await select(page, REFN)
  await list(page).focus()
  await page.keyboard.press('r')
  await expect(sidebar(page).getByRole('button', { name: /Reviewed 2$/ })).toBeVisible()
  // Keep is a separate state: nothing was kept.
  await expect(sidebar(page).getByRole('button', { name: /Kept 0$/ })).toBeVisible()

  const count = (n: number) => expect(page.locator('#review-count')).toHaveText(`${n} reviews`)
  const filters = page.getByRole('form', { name: 'Filters' })
  await filters.getByRole('combobox', { name: 'Reviewed' }).selectOption('yes')
  await count(2)
  await filters.getByRole('combobox', { name: 'Reviewed' }).selectOption('no')
  await count(23)
  await filters.getByRole('combobox', { name: 'Reviewed' }).selectOption('any')
  await count(25)
  const search = page.getByRole('searchbox', { name: 'Search' })
  await search.fill('reviewed:yes')
  await count(2)
  await search.fill('')
  await count(25)
  await sidebar(page)
    .getByRole('button', { name: /Reviewed 2$/ })
    .click()
  await count(2)
  await sidebar(page)
    .getByRole('button', { name: /Reviewed 2$/ })
    .click()
  await count(25)

  await page.getByRole('button', { name: 'Export…', exact: true }).click()
  const d = page.getByRole('dialog', { name: 'Export' })
  await d.getByRole('radio', { name: 'Reviewed reviews' }).check()
  await expect(d.getByRole('status')).toHaveText('2 reviews will be written')
  await d.getByRole('combobox', { name: 'Format' }).selectOption('json')
  await d.getByRole('button', { name: 'Export…' }).click()
  await expect(d).toBeHidden()
  expect(app.exported.at(-1)).toMatch(/Pusher II \(2004\) - reviewed reviews\.json$/)
  const doc = JSON.parse(await readFile(app.exported.at(-1)!, 'utf8')) as {
    scope: { label: string }
    reviews: { title: string; curation: { reviewed: boolean } }[]
  }
  expect(doc.scope.label).toBe('Reviewed reviews')
  expect(doc.reviews.map((r) => r.title).sort()).toEqual([GRITTY, REFN].sort())
  expect(doc.reviews.every((r) => r.curation.reviewed)).toBe(true)

  // Undo takes the last mark back, in one step.
  await list(page).focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(sidebar(page).getByRole('button', { name: /Reviewed 1$/ })).toBeVisible()
  await expectAccessible(page)
  expect(app.errors).toEqual([])
})

test('tag keys are pinned: creating a tag moves no key, and a key can be pinned by hand', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  await addTag(page, 'zeal')
  await addTag(page, 'pacing')
  const keyOf = (tag: string) =>
    sidebar(page)
      .locator('.tag-row')
      .filter({ has: page.getByRole('button', { name: `Edit tag ${tag}`, exact: true }) })
      .locator('kbd')
  await expect(keyOf('zeal')).toHaveText('1')
  await expect(keyOf('pacing')).toHaveText('2')
  // "acting" sorts first in the sidebar, yet takes the next free key and moves no other.
  await addTag(page, 'acting')
  await expect(keyOf('acting')).toHaveText('3')
  await expect(keyOf('zeal')).toHaveText('1')

  await select(page, REFN)
  await list(page).focus()
  await page.keyboard.press('1')
  await expect(reader(page).getByRole('button', { name: 'Remove tag zeal' })).toBeVisible()

  // Pin 1 to acting by hand: zeal gives the key up; a rename keeps the pin.
  await sidebar(page).getByRole('button', { name: 'Edit tag acting' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tag “acting”' })
  await dialog.getByRole('combobox', { name: 'Key' }).selectOption('1')
  await dialog.getByRole('button', { name: 'Pin key' }).click()
  await expect(dialog).toBeHidden()
  await expect(keyOf('acting')).toHaveText('1')
  await expect(keyOf('zeal')).toHaveText('')
  await sidebar(page).getByRole('button', { name: 'Edit tag acting' }).click()
  await dialog.getByRole('textbox', { name: 'Name' }).fill('performance')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(keyOf('performance')).toHaveText('1')
  await list(page).focus()
  await page.keyboard.press('1')
  await expect(reader(page).getByRole('button', { name: 'Remove tag performance' })).toBeVisible()
  await expect(reader(page).getByRole('button', { name: 'Remove tag zeal' })).toBeVisible()
  await app.reopen()
  await expect(keyOf('performance')).toHaveText('1')
  await expect(keyOf('pacing')).toHaveText('2')
  await expectAccessible(page)
  expect(app.errors).toEqual([])
})
