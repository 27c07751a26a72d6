import { join, resolve } from 'node:path'
import { _electron as electron, type ElectronApplication } from '@playwright/test'
import { findElectron } from './find-chromium'

const ROOT = resolve(import.meta.dirname, '../..')

/** The Electron binary for the `_electron` suite, or null (the suite then skips). */
export const electronExecutable = findElectron(ROOT)

export const NO_ELECTRON_REASON =
  'no Electron binary (run `node node_modules/electron/install.js`, or `npm start`, with network access)'

/** Starts the built app on a library folder; `extraArgs` follow, as a shell would pass files. */
export function launchApp(
  libraryDir: string,
  extraArgs: string[] = [],
): Promise<ElectronApplication> {
  return electron.launch({
    executablePath: electronExecutable!,
    // Linux CI runners either run as root or restrict unprivileged user namespaces, and
    // Chromium's sandbox refuses to start in both cases; the renderer stays sandboxed by
    // webPreferences either way.
    args: [
      ...(process.platform === 'linux' ? ['--no-sandbox'] : []),
      join(ROOT, 'out', 'main', 'index.js'),
      '--library',
      libraryDir,
      ...extraArgs,
    ],
    cwd: ROOT,
    timeout: 60_000,
  })
}
