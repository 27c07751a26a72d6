import { expect, test } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  addTag,
  DISAPPOINTING,
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

// Tags end to end through the real handlers: nesting, keys 1–9 on one review and on a
// selection, rename, merge and delete from the sidebar, and undo/redo of the library-wide steps.
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('tags: nest, toggle with keys, rename, merge, delete, undo and redo', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)

  await select(page, GRITTY)
  await addTag(page, 'acting')
  await addTag(page, 'theme/fatherhood')
  const tags = sidebar(page)
  await expect(tags.getByText('theme', { exact: true })).toBeVisible()
  await expect(tags.getByRole('button', { name: /^fatherhood 1$/ })).toBeVisible()
  await tags.getByRole('textbox', { name: 'New tag' }).fill('pull-quote')
  await tags.getByRole('button', { name: 'Create' }).click()
  await expect(tags.getByRole('button', { name: /^pull-quote 0$/ })).toBeVisible()

  // Keys are pinned as tags are created: acting 1, theme/fatherhood 2, pull-quote 3.
  await select(page, REFN)
  await list(page).focus()
  await page.keyboard.press('3')
  await expect(reader(page).getByRole('button', { name: 'Remove tag pull-quote' })).toBeVisible()
  await page.keyboard.press('3')
  await expect(reader(page).getByRole('button', { name: 'Remove tag pull-quote' })).toBeHidden()
  await page.keyboard.press('2')
  await expect(option(page, REFN)).toHaveAccessibleName(/tags: theme\/fatherhood/)

  // A selection of two: Ctrl/Cmd+click adds one, then key 1 tags both in one step.
  await option(page, DISAPPOINTING).click({ modifiers: ['ControlOrMeta'] })
  await expect(page.getByRole('toolbar', { name: 'Selection' })).toContainText('2 reviews selected')
  await page.keyboard.press('1')
  await expect(option(page, DISAPPOINTING)).toHaveAccessibleName(/tags: acting/)
  await expect(option(page, REFN)).toHaveAccessibleName(/tags: theme\/fatherhood, acting/)
  await expect(tags.getByRole('button', { name: /^acting 3$/ })).toBeVisible()
  await expect(page.getByRole('status').first()).toContainText('Tagged 2 reviews acting')

  // Rename moves the tag on every review; the dialog is reachable and labelled.
  await tags.getByRole('button', { name: 'Edit tag acting' }).click()
  const dialog = page.getByRole('dialog', { name: 'Tag “acting”' })
  await expect(dialog).toBeVisible()
  await expectAccessible(page)
  await dialog.getByRole('textbox', { name: 'Name' }).fill('performance')
  await dialog.getByRole('button', { name: 'Rename' }).click()
  await expect(dialog).toBeHidden()
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: performance, theme\/fatherhood/)
  await expect(tags.getByRole('button', { name: /^performance 3$/ })).toBeVisible()

  // Merge theme/fatherhood into performance: no review carries performance twice.
  await tags.getByRole('button', { name: 'Edit tag theme/fatherhood' }).click()
  const merge = page.getByRole('dialog', { name: 'Tag “theme/fatherhood”' })
  await merge.getByRole('combobox', { name: 'Merge into' }).selectOption('performance')
  await merge.getByRole('button', { name: 'Merge' }).click()
  await expect(merge).toBeHidden()
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: performance(, |$)/)
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/fatherhood/)
  await expect(tags.getByRole('button', { name: /fatherhood/ })).toHaveCount(0)

  // Delete asks first, then takes the tag off every review.
  await tags.getByRole('button', { name: 'Edit tag performance' }).click()
  const del = page.getByRole('dialog', { name: 'Tag “performance”' })
  await del.getByRole('button', { name: 'Delete tag…' }).click()
  await expect(del.getByRole('alert')).toContainText('remove it from 3 reviews')
  await del.getByRole('button', { name: 'Yes, delete' }).click()
  await expect(del).toBeHidden()
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/tags:/)
  await expect(option(page, DISAPPOINTING)).not.toHaveAccessibleName(/tags:/)

  // Undo restores the whole library-wide delete in one step; redo repeats it.
  const history = page.getByRole('list', { name: 'Recent changes' })
  await expect(history.getByRole('listitem').first()).toContainText('Delete tag performance')
  await list(page).focus()
  await page.keyboard.press('ControlOrMeta+z')
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: performance/)
  await expect(option(page, DISAPPOINTING)).toHaveAccessibleName(/tags: performance/)
  await expect(history.getByRole('listitem').first()).toContainText('(undone)')
  await page.keyboard.press('ControlOrMeta+Shift+z')
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/tags:/)
  await page.getByRole('button', { name: 'Undo', exact: true }).click()
  await expect(option(page, DISAPPOINTING)).toHaveAccessibleName(/tags: performance/)
  await page.keyboard.press('ControlOrMeta+z')
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: performance, theme\/fatherhood/)

  await app.reopen()
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: performance, theme\/fatherhood/)
  await expect(sidebar(page).getByRole('button', { name: /^fatherhood 2$/ })).toBeVisible()
  await expectAccessible(page)
  expect(app.errors).toEqual([])
})

test('after adding a tag the keys keep going into the tag field, never to shortcuts', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  const input = reader(page).getByRole('textbox', { name: 'Add tag' })
  await input.click()
  await page.keyboard.type('acting')
  await page.keyboard.press('Enter')
  await expect(reader(page).getByRole('button', { name: 'Remove tag acting' })).toBeVisible()
  await expect(input).toBeFocused()
  // "h" would open the highlight form and "1" would toggle a tag if focus had fallen to <body>.
  await page.keyboard.type('theme/h1')
  await expect(input).toHaveValue('theme/h1')
  await expect(reader(page).getByRole('textbox', { name: 'Passage' })).toHaveCount(0)
  await page.keyboard.press('Enter')
  await expect(reader(page).getByRole('button', { name: 'Remove tag theme/h1' })).toBeVisible()
  await expect(input).toBeFocused()

  // Picking an offered tag by its button leaves the caret in the field too.
  await select(page, REFN)
  await input.fill('act')
  await reader(page).getByRole('button', { name: '+ acting' }).click()
  await expect(reader(page).getByRole('button', { name: 'Remove tag acting' })).toBeVisible()
  await expect(input).toBeFocused()
  expect(app.errors).toEqual([])
})
