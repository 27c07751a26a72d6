// Where the Electron runtime lives, found the way the `electron` package finds it, without
// require('electron'): that starts a download when the binary is missing, and a failed one
// throws with a stack trace. Shared by scripts/start.mjs and test/run-all.mjs (plain ESM, so
// both run before anything is built).
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** What Electron's install.js writes into path.txt for this platform. */
export function platformExecutable(platform = process.platform) {
  if (platform === 'darwin' || platform === 'mas') return 'Electron.app/Contents/MacOS/Electron'
  if (platform === 'win32') return 'electron.exe'
  return 'electron'
}

/**
 * The executable the `electron` package would run, and whether it is there. path.txt is written
 * only by a completed install; ELECTRON_OVERRIDE_DIST_PATH replaces the dist folder, as in
 * node_modules/electron/index.js.
 */
export function electronRuntime(root, env = process.env, platform = process.platform) {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  const recorded = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null
  const override = env.ELECTRON_OVERRIDE_DIST_PATH
  if (!recorded && !override) return { executable: null, present: false }
  const executable = join(override || join(pkg, 'dist'), recorded || platformExecutable(platform))
  return { executable, present: existsSync(executable) }
}
