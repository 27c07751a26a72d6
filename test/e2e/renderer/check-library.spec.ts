import { readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { expectAccessible, importSample } from './workspace-support'

// Help → Check Library in the built UI on the real handlers: a file damaged on disk is named,
// put back from the open library's copy, and the damaged one is kept. Backup failures and other
// notices from main show until dismissed.

let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('Check Library names a damaged file and what was repaired', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const [reviewFile] = await readdir(join(app.libraryDir, 'reviews'))
  await writeFile(join(app.libraryDir, 'reviews', reviewFile!), '{"schemaVersion": 1, "wo')

  await app.emit('menu:command', { command: 'check-library' })
  const dialog = page.getByRole('dialog', { name: 'Check library' })
  const row = dialog.getByRole('row', {
    name: new RegExp(`^reviews/${reviewFile!.replace('.', '\\.')} `),
  })
  await expect(row).toContainText('Repaired')
  await expect(row).toContainText('is damaged: not valid JSON')
  await expect(row).toContainText("written again from the open library's copy")
  await expect(dialog.getByRole('row', { name: /^library\.json / })).toContainText('OK')
  await expect(dialog.getByRole('status')).toHaveText('The library is fine. 1 repaired.')
  await expectAccessible(page)

  // Checked again, everything reads.
  await dialog.getByRole('button', { name: 'Check again' }).click()
  await expect(row).toContainText('OK')
  expect(
    (await readdir(join(app.libraryDir, 'reviews'))).some((n) => n.includes('.damaged-')),
  ).toBe(true)
  await dialog.getByRole('button', { name: 'Close' }).click()
  await expect(dialog).toBeHidden()
  expect(app.errors).toEqual([])
})

test('Check Library is reachable from the shortcuts sheet and names a problem', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  // Kept unparsed text that no longer reads cannot be put back from memory: a problem.
  await writeFile(join(app.libraryDir, 'imports', 'im_lost.json'), 'garbage')
  await page.getByRole('button', { name: 'Shortcuts' }).click()
  await page
    .getByRole('dialog', { name: 'Keyboard shortcuts' })
    .getByRole('button', { name: 'Check library…' })
    .click()
  const dialog = page.getByRole('dialog', { name: 'Check library' })
  await expect(dialog.getByRole('row', { name: /^imports\/im_lost\.json / })).toContainText(
    'Problem',
  )
  await expect(dialog.getByRole('status')).toHaveText('1 problem needs you.')
  expect(app.errors).toEqual([])
})

test('a notice from main (a failed backup) shows until dismissed', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  const message = 'The backup in /library/backups failed: the disk is full (ENOSPC).'
  await app.emit('library:notice', { message })
  const alert = page.getByRole('alert').filter({ hasText: 'The backup in /library/backups' })
  await expect(alert).toBeVisible()
  await alert.getByRole('button', { name: 'Dismiss' }).click()
  await expect(alert).toBeHidden()
  expect(app.errors).toEqual([])
})

test('what opening the library repaired shows in the window, not as a modal before it', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const [reviewFile] = await readdir(join(app.libraryDir, 'reviews'))
  await writeFile(join(app.libraryDir, 'reviews', reviewFile!), '{"schemaVersion": 1, "wo')

  await app.reopen()
  // Two notices: the file set aside, and its reviews rebuilt from the kept source.
  const damaged = page.getByRole('alert').filter({ hasText: /is damaged: not valid JSON/ })
  const rebuilt = page.getByRole('alert').filter({ hasText: /were rebuilt from/ })
  await expect(damaged).toContainText(`reviews/${reviewFile!}`)
  await expect(rebuilt).toContainText(`reviews/${reviewFile!}`)
  await expectAccessible(page)
  await damaged.getByRole('button', { name: 'Dismiss' }).click()
  await expect(damaged).toBeHidden()
  await expect(rebuilt).toBeVisible()
  expect(app.errors).toEqual([])
})
