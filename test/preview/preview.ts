// `npm run preview -- --library DIR [--headless] [--remote-debugging-port N] [--import FILE]...`
//
// The built renderer in a plain Chromium, wired to the real main-process handlers and a real
// library, for looking at and debugging the UI on machines where Electron cannot start. Native
// dialogs are replaced: imports come from --import options (or CURATOR_IMPORT, a list separated
// like PATH), exports are written to <library>/exports/<suggested name>.
import { existsSync } from 'node:fs'
import { mkdir } from 'node:fs/promises'
import { delimiter, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../support/find-chromium'
import { openCuratorPage, RENDERER_DIR } from '../support/harness'

function fail(message: string): never {
  console.error(message)
  process.exit(1)
}

const USAGE =
  'usage: npm run preview -- --library DIR [--headless] [--remote-debugging-port N] [--import FILE]...'

function parseOptions() {
  try {
    return parseArgs({
      options: {
        library: { type: 'string' },
        headless: { type: 'boolean', default: false },
        'remote-debugging-port': { type: 'string' },
        import: { type: 'string', multiple: true, default: [] },
      },
    }).values
  } catch (err) {
    fail(`${(err as Error).message}\n${USAGE}`)
  }
}

const parsed = parseOptions()
if (!parsed.library) fail(USAGE)
const libraryDir = resolve(parsed.library)

const port = parsed['remote-debugging-port']
if (port !== undefined && !/^\d{1,5}$/.test(port))
  fail(`--remote-debugging-port needs a number, not ${port}`)

if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
  fail(`${RENDERER_DIR} is missing: run \`npm run build\` first.`)
}

const executablePath = findChromium()
if (!executablePath) {
  fail('No Chromium found: run `apt-get install chromium` or `npx playwright install chromium`.')
}
if (
  !parsed.headless &&
  process.platform === 'linux' &&
  !process.env.DISPLAY &&
  !process.env.WAYLAND_DISPLAY
) {
  fail(
    'No display for a browser window: add --headless (and --remote-debugging-port N), or run under `xvfb-run -a`.',
  )
}

const importFiles = [
  ...parsed.import,
  ...(process.env.CURATOR_IMPORT ?? '').split(delimiter).filter(Boolean),
].map((f) => resolve(f))
for (const f of importFiles) if (!existsSync(f)) fail(`--import ${f}: no such file`)

const browser = await chromium.launch({
  executablePath,
  headless: parsed.headless,
  args: [...CHROMIUM_ARGS, ...(port ? [`--remote-debugging-port=${port}`] : [])],
})

const app = await openCuratorPage({
  browser,
  libraryDir,
  dialogs: {
    async chooseImportFiles() {
      if (importFiles.length === 0) {
        console.log(
          'import: no files to offer; restart with --import FILE (repeatable) or CURATOR_IMPORT=FILE1' +
            `${delimiter}FILE2 to choose them`,
        )
      } else {
        console.log(`import: choosing ${importFiles.join(', ')}`)
      }
      return importFiles
    },
    async chooseExportPath(_format, suggestedName) {
      const dir = join(libraryDir, 'exports')
      await mkdir(dir, { recursive: true })
      const path = join(dir, suggestedName)
      console.log(`export: writing ${path}`)
      return path
    },
  },
}).catch(async (err: unknown) => {
  await browser.close()
  fail(`Could not open the library ${libraryDir}: ${(err as Error).message}`)
})

// Whatever the page logged while loading was collected by the harness; print it, then follow.
for (const line of app.errors) console.log(`[page] ${line}`)
app.page.on('console', (msg) => console.log(`[page ${msg.type()}] ${msg.text()}`))
app.page.on('pageerror', (err) => console.log(`[page error] ${err.stack ?? err.message}`))

console.log(`Review Curator preview`)
console.log(`  renderer: ${app.url} (window.curator exists only in the browser this script opened)`)
console.log(`  library:  ${libraryDir}`)
if (port) console.log(`  devtools: http://127.0.0.1:${port} (chrome://inspect)`)
console.log('Press Ctrl+C to stop.')

let stopping = false
async function stop(code: number): Promise<void> {
  if (stopping) return
  stopping = true
  // Closing the library releases its lock and flushes pending writes; a killed process would
  // leave a lock the next open has to wait out.
  try {
    await app.close()
    await browser.close()
  } catch (err) {
    console.error(`while closing: ${(err as Error).message}`)
    code = code || 1
  }
  process.exit(code)
}
process.on('SIGINT', () => void stop(0))
process.on('SIGTERM', () => void stop(0))
// A headed window closed by hand ends the preview too, instead of leaving the library locked.
app.page.on('close', () => void stop(0))
browser.on('disconnected', () => void stop(0))
