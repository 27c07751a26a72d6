import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { electronExecutable, launchApp, NO_ELECTRON_REASON } from '../../support/launch-electron'

// The real app, end to end: main, preload, renderer and the library on disk. Everything else is
// covered by the renderer project; this proves the pieces are wired together in Electron.
test.skip(electronExecutable === null, NO_ELECTRON_REASON)

// Rows of the virtualised list that hold a review, not the "Loading…" placeholder.
function reviewRows(window: Page) {
  return window
    .getByRole('listbox', { name: 'Reviews' })
    .getByRole('option')
    .filter({ hasNotText: /^Loading/ })
}

const launch = (libraryDir: string) => launchApp(libraryDir)

test('imports the sample and still shows it after a restart', async () => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'curator-electron-'))

  let app = await launch(libraryDir)
  try {
    const window = await app.firstWindow()
    await window.getByRole('button', { name: /sample/i }).click()
    await expect(reviewRows(window).first()).toBeVisible({ timeout: 30_000 })
  } finally {
    await app.close()
  }

  app = await launch(libraryDir)
  try {
    const window = await app.firstWindow()
    await expect(reviewRows(window).first()).toBeVisible({ timeout: 30_000 })
  } finally {
    await app.close()
  }
})
