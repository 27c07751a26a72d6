import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test'
import { findElectron } from '../../support/find-chromium'

// The real app, end to end: main, preload, renderer and the library on disk. Everything else is
// covered by the renderer project; this proves the pieces are wired together in Electron.
const ROOT = resolve(import.meta.dirname, '../../..')
const executablePath = findElectron(ROOT)
const electronAvailable = executablePath !== null

test.skip(
  !electronAvailable,
  'no Electron binary (run `node node_modules/electron/install.js`, or `npm start`, with network access)',
)

// Rows of the virtualised list that hold a review, not the "Loading…" placeholder.
function reviewRows(window: Page) {
  return window
    .getByRole('listbox', { name: 'Reviews' })
    .getByRole('option')
    .filter({ hasNotText: /^Loading/ })
}

function launch(libraryDir: string): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: executablePath!,
    // Linux CI runners either run as root or restrict unprivileged user namespaces, and
    // Chromium's sandbox refuses to start in both cases; the renderer stays sandboxed by
    // webPreferences either way.
    args: [
      ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
      join(ROOT, 'out', 'main', 'index.js'),
      '--library',
      libraryDir,
    ],
    cwd: ROOT,
    timeout: 60_000,
  })
}

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
