import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { chromium } from 'playwright-core'

// Playwright's downloaded browser is preferred because its version matches playwright-core
// exactly; a distro Chromium is the fallback for machines that cannot download one (CI images,
// offline dev boxes). executablePath() only computes where the download would be, so the file
// must be checked too.
const SYSTEM_CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser']

/** Absolute path of a usable Chromium, or null when this machine has none. */
export function findChromium(): string | null {
  let bundled: string | null = null
  try {
    bundled = chromium.executablePath()
  } catch {
    // Some playwright-core builds throw when the host platform has no registry entry.
  }
  if (bundled && existsSync(bundled)) return bundled
  return SYSTEM_CANDIDATES.find((p) => existsSync(p)) ?? null
}

/**
 * Flags for every launch: no sandbox because CI containers run as root, no GPU because there is
 * none, and no background services so nothing reaches the network or adds noise to timings.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/**
 * The Electron binary the `electron` package would run, or null when it was never downloaded.
 * Requiring 'electron' is not an option: when the binary is missing it starts a download, which
 * hangs or fails on an offline machine instead of letting the caller skip. (Keep in step with
 * the copy in test/run-all.mjs, which cannot import TypeScript.)
 */
export function findElectron(root = resolve(import.meta.dirname, '../..')): string | null {
  const pkg = join(root, 'node_modules', 'electron')
  const pathFile = join(pkg, 'path.txt')
  if (!existsSync(pathFile)) return null
  const relative = readFileSync(pathFile, 'utf8').trim()
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist')
  const binary = join(dist, relative)
  return existsSync(binary) ? binary : null
}
