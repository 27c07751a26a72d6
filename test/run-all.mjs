// `npm test`: unit tests, a fresh build, then the e2e suites, ending with one summary line
// that counts both runners. Plain ESM so it runs before anything is compiled.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { electronRuntime } from '../scripts/electron-runtime.mjs'
import {
  playwrightSkips,
  requiredSkipError,
  skipLines,
  vitestSkips,
} from './support/skip-report.mjs'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
// Relative to ROOT (every command runs there) so no path with spaces reaches a Windows shell.
const VITEST_JSON = 'test-results/vitest.json'
// Where playwright.config.ts tells its JSON reporter to write.
const PLAYWRIGHT_JSON = 'test-results/playwright.json'
const isWindows = process.platform === 'win32'

// Same rules as test/support/find-chromium.ts (TypeScript, so not importable from here).
function findChromium() {
  try {
    const bundled = chromium.executablePath()
    if (bundled && existsSync(bundled)) return bundled
  } catch {
    // No registry entry for this platform: fall through to the system browser.
  }
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null
}

// path.txt and the dist folder, not require('electron'), which would start a download.
function hasElectron() {
  return electronRuntime(ROOT).present
}

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function run(command, args) {
  console.log(`\n$ ${[command, ...args].join(' ')}`)
  // npx is a .cmd shim on Windows, which only a shell can start.
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', shell: isWindows })
  if (result.error) console.error(result.error.message)
  return result.status ?? 1
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(join(ROOT, path), 'utf8'))
  } catch {
    return null
  }
}

if (!findChromium()) {
  console.error(
    'No Chromium found for the e2e tests: run `apt-get install chromium` (Debian/Ubuntu) or `npx playwright install chromium`.',
  )
  process.exit(1)
}

// Stale results from an earlier run must never be counted.
rmSync(join(ROOT, VITEST_JSON), { force: true })
rmSync(join(ROOT, PLAYWRIGHT_JSON), { force: true })

const totals = { passed: 0, failed: 0, skipped: 0 }
// What did not run and why, printed next to the summary so a green run cannot hide it.
const skipped = []

const vitestStatus = run('npx', [
  'vitest',
  'run',
  '--reporter=default',
  '--reporter=json',
  `--outputFile.json=${VITEST_JSON}`,
])
const vitest = readJson(VITEST_JSON)
if (vitest) {
  totals.passed += vitest.numPassedTests ?? 0
  totals.failed += vitest.numFailedTests ?? 0
  totals.skipped += (vitest.numPendingTests ?? 0) + (vitest.numTodoTests ?? 0)
  skipped.push(...vitestSkips(vitest, ROOT))
}
// A run that failed without failing a test (a file that does not compile, no tests found)
// still has to fail the whole run.
if (vitestStatus !== 0 && !(vitest?.numFailedTests > 0)) totals.failed += 1

if (run('npx', ['electron-vite', 'build']) !== 0) {
  // The e2e suites would test a stale build, so they do not run at all.
  totals.failed += 1
  console.log(`\nbuild failed: end-to-end tests not run`)
} else {
  // Electron needs a display even for tests; Chromium in the renderer project is headless.
  const wrap =
    process.platform === 'linux' && !process.env.DISPLAY && hasElectron() && onPath('xvfb-run')
  const [command, args] = wrap
    ? ['xvfb-run', ['-a', 'npx', 'playwright', 'test']]
    : ['npx', ['playwright', 'test']]
  const playwrightStatus = run(command, args)
  const report = readJson(PLAYWRIGHT_JSON)
  const stats = report?.stats
  skipped.push(...playwrightSkips(report))
  if (stats) {
    // `flaky` passed on retry; `unexpected` failed; `skipped` includes the Electron suite
    // when no binary is installed.
    totals.passed += (stats.expected ?? 0) + (stats.flaky ?? 0)
    totals.failed += stats.unexpected ?? 0
    totals.skipped += stats.skipped ?? 0
  }
  if (playwrightStatus !== 0 && !(stats?.unexpected > 0)) totals.failed += 1
}

// Where the runtime is installed on purpose (the GitHub workflow), a skipped Electron suite means
// the real app was never launched, which must not pass as green.
const requiredSkip = requiredSkipError(skipped, process.env)
if (requiredSkip) {
  totals.failed += 1
  console.log(`\n${requiredSkip}`)
}

console.log('')
for (const line of skipLines(skipped)) console.log(line)
console.log(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`)
process.exit(totals.failed > 0 ? 1 : 0)
