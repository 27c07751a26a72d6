import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import { electronExecutable, launchApp, NO_ELECTRON_REASON } from '../../support/launch-electron'

// The real app opened with a file on its command line, as Windows and Linux do for "Open with":
// main reads argv, the page gets app:open-files once it listens, and the preview shows the file.
const FIXTURE = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.txt')

test.skip(electronExecutable === null, NO_ELECTRON_REASON)

test('a file on the command line opens in the import preview', async () => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'curator-electron-open-'))
  const app = await launchApp(libraryDir, [FIXTURE])
  try {
    const window = await app.firstWindow()
    const preview = window.getByRole('dialog', { name: 'Import preview' })
    await expect(preview).toContainText('Pusher II (2004)', { timeout: 30_000 })
    await expect(preview).toContainText('25 new · 0 changed · 0 already there')
  } finally {
    await app.close()
  }
})
