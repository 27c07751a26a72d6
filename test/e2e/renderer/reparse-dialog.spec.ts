import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Review } from '../../../shared/domain'
import { importText } from '../../../electron/app/import/run-import'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { fileURLToPath } from 'node:url'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { DISAPPOINTING, GRITTY, expectAccessible, reader, select } from './workspace-support'

// File → Re-parse Imports…: the diff between the library and today's parsers, Accept or Cancel.
let app: CuratorPage | undefined
const SAMPLE_PATH = fileURLToPath(
  new URL('../../../electron/main/assets/sample-pusher-ii-2004.txt', import.meta.url),
)

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

/**
 * The sample imported, then its stored reviews edited as an older parser might have left them:
 * one body differs and one review is missing.
 */
async function outdatedLibrary(): Promise<string> {
  const dir = await makeTempLibraryDir()
  const library = await openLibrary(dir)
  await importText(library, 'sample-pusher-ii-2004.txt', await readFile(SAMPLE_PATH, 'utf8'))
  await library.close()
  const [name] = await readdir(join(dir, 'reviews'))
  const path = join(dir, 'reviews', name!)
  const file = JSON.parse(await readFile(path, 'utf8')) as { reviews: Review[] }
  file.reviews = file.reviews
    .filter((r) => !r.title.startsWith(DISAPPOINTING))
    .map((r) => (r.title.startsWith(GRITTY) ? { ...r, body: 'An older reading.' } : r))
  await writeFile(path, JSON.stringify(file))
  return dir
}

test('the re-parse dialog shows the diff; Cancel changes nothing, Accept applies it', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await outdatedLibrary() })
  const { page } = app
  await expect(page.getByText('24 reviews', { exact: true })).toBeVisible()

  await app.emit('menu:command', { command: 'reparse' })
  const dialog = page.getByRole('dialog', { name: 'Re-parse imports' })
  await expect(dialog.getByRole('list', { name: 'Imports' })).toContainText(
    'sample-pusher-ii-2004.txt 1 added, 0 removed, 1 changed',
  )
  const reviews = dialog.getByRole('list', { name: 'Reviews that differ' })
  await expect(reviews.getByRole('listitem')).toHaveCount(2)
  await expect(reviews).toContainText(`Added: “${DISAPPOINTING}`)
  await expect(reviews).toContainText(`Changed: “${GRITTY}`)
  await expect(reviews).toContainText('— body')
  await expectAccessible(page)

  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()
  expect(app.invoked.map((i) => i.channel)).not.toContain('library:reparse-apply')

  await app.emit('menu:command', { command: 'reparse' })
  await dialog.getByRole('button', { name: 'Accept' }).click()
  await expect(dialog).toBeHidden()
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  await expect(page.getByText(/Re-parse imports: 1 added, 0 removed, 1 changed/)).toBeVisible()
  await select(page, GRITTY)
  await expect(reader(page)).not.toContainText('An older reading.')

  // Nothing left to change: Accept is off.
  await app.emit('menu:command', { command: 'reparse' })
  await expect(dialog.getByRole('status')).toHaveText('Nothing to change.')
  await expect(dialog.getByRole('button', { name: 'Accept' })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  expect(app.errors).toEqual([])
})
