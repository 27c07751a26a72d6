import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { findElectron } from '../../support/find-chromium'

// The real app opened with a file on its command line, as Windows and Linux do for "Open with":
// main reads argv, the page gets app:open-files once it listens, and the preview shows the file.
const ROOT = resolve(import.meta.dirname, '../../..')
const FIXTURE = join(ROOT, 'test', 'fixtures', 'imdb', 'pusher-ii-2004.txt')
const executablePath = findElectron(ROOT)

test.skip(
  executablePath === null,
  'no Electron binary (run `node node_modules/electron/install.js`, or `npm start`, with network access)',
)

test('a file on the command line opens in the import preview', async () => {
  const libraryDir = await mkdtemp(join(tmpdir(), 'curator-electron-open-'))
  const app = await electron.launch({
    executablePath: executablePath!,
    args: [
      ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
      join(ROOT, 'out', 'main', 'index.js'),
      '--library',
      libraryDir,
      FIXTURE,
    ],
    cwd: ROOT,
    timeout: 60_000,
  })
  try {
    const window = await app.firstWindow()
    const preview = window.getByRole('dialog', { name: 'Import preview' })
    await expect(preview).toContainText('Pusher II (2004)', { timeout: 30_000 })
    await expect(preview).toContainText('25 new · 0 changed · 0 already there')
  } finally {
    await app.close()
  }
})
