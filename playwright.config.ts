import { defineConfig } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './test/support/find-chromium'

// Two projects: `renderer` drives the built renderer in Chromium against the real handlers
// (runs everywhere), `electron` drives the real app (needs the Electron binary, skips without).
// Timeouts are generous because CI machines here have 2 noisy cores and the first page load
// includes opening a library on disk.
const executablePath = findChromium() ?? undefined

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: process.env.CI ? 1 : 2,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // test/run-all.mjs counts results from the JSON file; people read the list.
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  use: {
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'renderer',
      testMatch: 'renderer/**/*.spec.ts',
      use: {
        browserName: 'chromium',
        headless: true,
        launchOptions: { executablePath, args: [...CHROMIUM_ARGS] },
      },
    },
    {
      name: 'electron',
      testMatch: 'electron/**/*.spec.ts',
      timeout: 120_000,
    },
  ],
})
