import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'

// Menu and OS events the page answers. "Open with Review Curator": main queues the file and sends app:open-files; the page asks for a
// preview and the import dialog hands over the queued file. Even a page the app recognises stops
// at the preview, since the user did not pick it inside the app.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')

let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

test('a file opened with the app shows its import preview, and nothing is imported until Import', async ({
  browser,
}) => {
  let asked = 0
  app = await openCuratorPage({
    browser,
    libraryDir: await makeTempLibraryDir(),
    dialogs: {
      chooseImportFiles: async () => {
        asked++
        return [FIXTURE]
      },
    },
  })
  const { page } = app
  await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible()

  await app.emit('app:open-files', { count: 1 })
  const preview = page.getByRole('dialog', { name: 'Import preview' })
  await expect(preview).toContainText('Pusher II (2004)')
  await expect(preview).toContainText('25 new · 0 changed · 0 already there')
  expect(asked).toBe(1)

  await preview.getByRole('button', { name: 'Import 25 reviews' }).click()
  await expect(page.getByRole('dialog', { name: 'Import report' })).toContainText('25 added')
  expect(app.errors).toEqual([])
})

test('Help → Keyboard Shortcuts opens the shortcuts sheet', async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await page.getByRole('button', { name: /sample/i }).click()
  // The sample opens with a hint strip, not the import-report modal: no dialog to close first.
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
  await app.emit('menu:command', { command: 'shortcuts' })
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible()
  expect(app.errors).toEqual([])
})
