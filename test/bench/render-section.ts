// The renderer part of the bench: the built UI in Chromium on the largest library, wired to the
// real handlers through test/support/harness.ts. Measures the time from the first page of rows
// arriving in the page to those rows being rendered, then scrolls the list for five seconds and
// counts long tasks (> 50 ms) seen by a PerformanceObserver.

import { rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { execFileSync } from 'node:child_process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, findChromium } from '../support/find-chromium'
import { copyLibrary } from './copy-library'
import { openCuratorPage, RENDERER_DIR } from '../support/harness'
import type { BenchSection } from './sections'

const SCROLL_MS = 5000

export async function ensureBuild(log: (m: string) => void): Promise<void> {
  const built = await stat(join(RENDERER_DIR, 'index.html')).then(
    () => true,
    () => false,
  )
  if (built) return
  log('out/renderer is missing: running electron-vite build')
  execFileSync('npx', ['electron-vite', 'build'], {
    cwd: resolve(import.meta.dirname, '../..'),
    stdio: ['ignore', 2, 2],
  })
}

/** Runs in the page before its scripts: times answers of reviews:query and rows appearing. */
function instrument(): void {
  const w = window as unknown as Record<string, unknown> & { __bench: Record<string, unknown> }
  const bench: Record<string, unknown> = { dataAt: null, rowsAt: null, longTasks: [] as number[] }
  w.__bench = bench
  const original = w.__curatorInvoke as (c: string, r: unknown) => Promise<unknown>
  w.__curatorInvoke = async (channel: string, req: unknown) => {
    const result = await original(channel, req)
    if (channel === 'reviews:query' && bench.dataAt === null) bench.dataAt = performance.now()
    return result
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) (bench.longTasks as number[]).push(entry.duration)
  }).observe({ type: 'longtask', buffered: true })
  const seen = () => {
    if (bench.rowsAt !== null || bench.dataAt === null) return
    if (document.querySelector('[role="listbox"] [role="option"][id^="option-"]')) {
      // The rows are in the DOM; the next frame is when they are painted.
      requestAnimationFrame(() => (bench.rowsAt = performance.now()))
      observer.disconnect()
    }
  }
  const observer = new MutationObserver(seen)
  document.addEventListener('DOMContentLoaded', () => {
    observer.observe(document.body, { childList: true, subtree: true })
  })
}

export const renderSection: BenchSection = {
  name: 'render',
  async run({ sizes, libraryDir, log }) {
    const size = Math.max(...sizes)
    const executablePath = findChromium()
    if (!executablePath)
      return { result: { skipped: 'no Chromium found' }, summary: ['render: skipped, no Chromium'] }
    await ensureBuild(log)
    // The page edits nothing, but the harness opens (and locks) the library: use a copy.
    const dir = await copyLibrary(libraryDir(size), 'curator-bench-render-')
    const browser = await chromium.launch({ executablePath, args: [...CHROMIUM_ARGS] })
    try {
      const app = await openCuratorPage({ browser, libraryDir: dir })
      const { page } = app
      // The harness loaded the page once already; instrument and load it again, measured.
      // tsx compiles with keepNames, whose `__name` helper does not exist in the page; the
      // functions given to page.evaluate below need it too.
      await page.addInitScript({
        content: `(() => { window.__name = (f) => f; (${instrument.toString()})() })()`,
      })
      await page.reload()
      await page.waitForFunction(
        () => (window as unknown as { __bench: { rowsAt: number | null } }).__bench.rowsAt !== null,
        null,
        { timeout: 60_000 },
      )
      const first = await page.evaluate(
        () => (window as unknown as { __bench: { dataAt: number; rowsAt: number } }).__bench,
      )
      const firstRowsMs = first.rowsAt - first.dataAt
      log(
        `render: first rows ${firstRowsMs.toFixed(1)} ms after the data arrived; scrolling ${SCROLL_MS / 1000} s`,
      )
      await page.evaluate(
        () => ((window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks = []),
      )
      const scrolled = await page.evaluate(async (duration) => {
        const list = document.querySelector('[role="listbox"]') as HTMLElement
        const start = performance.now()
        let frames = 0
        await new Promise<void>((done) => {
          const step = () => {
            const t = performance.now() - start
            // From top to bottom in the allotted time: every row passes by.
            list.scrollTop = (list.scrollHeight - list.clientHeight) * Math.min(1, t / duration)
            frames++
            if (t < duration) requestAnimationFrame(step)
            else done()
          }
          requestAnimationFrame(step)
        })
        await new Promise((r) => setTimeout(r, 300))
        return { frames, scrollHeight: list.scrollHeight }
      }, SCROLL_MS)
      const longTasks = await page.evaluate(
        () => (window as unknown as { __bench: { longTasks: number[] } }).__bench.longTasks,
      )
      const errors = [...app.errors]
      await app.close()
      const result = {
        reviews: size,
        firstRowsMs: Number(firstRowsMs.toFixed(1)),
        scrollLongTasks: longTasks.length,
        scrollLongestTaskMs: Number(Math.max(0, ...longTasks).toFixed(1)),
        scrollFrames: scrolled.frames,
        pageErrors: errors.length,
      }
      return {
        result,
        summary: [
          `render (${size} reviews): first rows ${result.firstRowsMs} ms after data; 5 s scroll: ${result.scrollLongTasks} long tasks > 50 ms (longest ${result.scrollLongestTaskMs} ms), ${result.scrollFrames} frames`,
        ],
      }
    } finally {
      await browser.close()
      await rm(dir, { recursive: true, force: true })
    }
  },
}
