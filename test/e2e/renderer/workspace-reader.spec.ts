import { expect, test, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  expectAccessible,
  GRITTY,
  importSample,
  list,
  option,
  reader,
  REFN,
  select,
} from './workspace-support'

// The reader's curation through the real handlers: highlights (mouse and keyboard), byline
// correction, keep, my rating by keyboard with the difference shown, Markdown notes, the
// shortcuts sheet, and accessibility in both themes.
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

/** Selects `text` inside the reader's body as a mouse drag would. */
async function selectInBody(page: Page, text: string): Promise<void> {
  await page.evaluate((wanted) => {
    const body = document.querySelector('.review-body')!
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent!.indexOf(wanted)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + wanted.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`"${wanted}" is not in the body`)
  }, text)
}

test('highlights: from a selection or typed, listed, marked, survive reopen, removable', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)

  const quote = 'Dedicated to Hubert Selby Jr.'
  await selectInBody(page, quote)
  await reader(page).getByRole('button', { name: 'Highlight selection…' }).click()
  const form = reader(page).getByRole('form', { name: 'New highlight' })
  await expect(form.getByRole('textbox', { name: 'Passage' })).toHaveValue(quote)
  await form.getByRole('textbox', { name: 'Highlight tag (optional)' }).fill('pull-quote')
  await form.getByRole('textbox', { name: 'Comment (optional)' }).fill('Opening line')
  await form.getByRole('button', { name: 'Save highlight' }).click()
  const highlights = reader(page).getByRole('list', { name: 'Highlights' })
  await expect(highlights.getByRole('listitem')).toHaveCount(1)
  await expect(highlights).toContainText(quote)
  await expect(highlights).toContainText('Opening line')
  await expect(reader(page).locator('mark.highlight')).toHaveText(quote)
  await expect(option(page, GRITTY)).toHaveAccessibleName(/has highlights/)

  // Keyboard only: H opens the form, the passage is typed, Enter saves.
  await list(page).focus()
  await page.keyboard.press('h')
  const passage = form.getByRole('textbox', { name: 'Passage' })
  await expect(passage).toBeFocused()
  await passage.fill('the eternal screwup')
  await page.keyboard.press('Tab')
  await page.keyboard.type('flaws')
  await page.keyboard.press('Enter')
  await expect(highlights.getByRole('listitem')).toHaveCount(2)

  // A passage that is not in the review is refused with a message, and nothing is added.
  await reader(page).getByRole('button', { name: 'Highlight selection…' }).click()
  await form.getByRole('textbox', { name: 'Passage' }).fill('words this review never says')
  await form.getByRole('button', { name: 'Save highlight' }).click()
  await expect(page.getByRole('alert')).toContainText('is not in the text')
  await form.getByRole('button', { name: 'Cancel' }).click()
  await expect(highlights.getByRole('listitem')).toHaveCount(2)

  await app.reopen()
  await select(page, GRITTY)
  await expect(highlights.getByRole('listitem')).toHaveCount(2)
  await expect(reader(page).locator('mark.highlight')).toHaveText([quote, 'the eternal screwup'])
  await highlights.getByRole('button', { name: /^Remove highlight “Dedicated/ }).click()
  await expect(highlights.getByRole('listitem')).toHaveCount(1)
  expect(app.errors).toEqual([])
})

test('byline, keep, rating keys, Markdown note and the shortcuts sheet', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, REFN)

  // The ambiguous byline offers its other readings behind a marker in the header line; the
  // choice shows everywhere.
  await reader(page).locator('.byline-choice summary').click()
  const choices = reader(page).getByRole('group', { name: 'Other readings of the byline' })
  const first = choices.getByRole('button').first()
  const label = (await first.textContent())!
  const author = label.replace(/^Use /, '').split(' · ')[0]!
  expect(author).not.toBe('UlrikSander')
  await first.click()
  await expect(reader(page).locator('.byline .author')).toHaveText(author)
  await expect(reader(page)).toContainText('You corrected the split')
  await expect(option(page, REFN)).toHaveAccessibleName(new RegExp(`by ${author},`))
  await app.reopen()
  await select(page, REFN)
  await expect(reader(page).locator('.byline .author')).toHaveText(author)
  await reader(page).locator('.byline-choice summary').click()
  await reader(page).getByRole('button', { name: 'Restore the parsed byline' }).click()
  await expect(reader(page).locator('.byline .author')).toHaveText('UlrikSander')

  // Keep with S; my rating with Alt+digits (Alt+0 is 10), cleared with Alt+Backspace.
  await list(page).focus()
  await page.keyboard.press('s')
  await expect(reader(page).getByRole('button', { name: 'Keep' })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(option(page, REFN)).toHaveAccessibleName(/kept/)
  await page.keyboard.press('Alt+3')
  const mine = reader(page).getByRole('group', { name: 'My rating' })
  await expect(mine.getByRole('button', { name: '3', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(reader(page)).toContainText('−5 vs the original')
  await page.keyboard.press('Alt+0')
  await expect(mine.getByRole('button', { name: '10', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  await expect(reader(page)).toContainText('+2 vs the original')
  await page.keyboard.press('Alt+Backspace')
  await expect(mine.getByRole('button', { name: 'Clear' })).toBeDisabled()

  // Notes render as Markdown (no raw HTML); links go through main's https-only opener.
  const note = reader(page).getByRole('textbox', { name: 'Note' })
  await note.fill('**Key** quote <b>raw</b> [imdb](https://www.imdb.com/title/tt0396184/)')
  const preview = reader(page).getByRole('region', { name: 'Note preview' })
  await expect(preview.locator('strong')).toHaveText('Key')
  await expect(preview.locator('b')).toHaveCount(0)
  await preview.getByRole('link', { name: 'imdb' }).click()
  await expect.poll(() => app!.opened).toEqual(['https://www.imdb.com/title/tt0396184/'])

  // ? shows every shortcut; Escape closes it and focus returns.
  await list(page).focus()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toContainText('Toggle the tag pinned to that key')
  await expect(sheet).toContainText('Alt + Backspace')
  await expectAccessible(page)
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
  await expect(list(page)).toBeFocused()

  await page.screenshot({ path: '/tmp/workspace-light.png' })
  await expectAccessible(page)
  await page.emulateMedia({ colorScheme: 'dark' })
  await expectAccessible(page)
  await page.screenshot({ path: '/tmp/workspace-dark.png' })
  expect(app.errors).toEqual([])
})
