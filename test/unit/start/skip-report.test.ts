import { describe, expect, it } from 'vitest'
import {
  playwrightSkips,
  requiredSkipError,
  skipLines,
  vitestSkips,
} from '../../support/skip-report.mjs'

// Shapes of Playwright's and Vitest's JSON reporters, trimmed to the fields read.
const pwTest = (projectName: string, status: string, reason?: string) => ({
  projectName,
  status,
  annotations: reason ? [{ type: 'skip', description: reason }] : [],
})

describe('skip report', () => {
  it('names every skipped Playwright group with its reason, and no test that ran', () => {
    const report = {
      suites: [
        {
          specs: [
            {
              file: 'electron/a.spec.ts',
              tests: [pwTest('electron', 'skipped', 'no Electron binary (run install)')],
            },
            { file: 'renderer/b.spec.ts', tests: [pwTest('renderer', 'expected')] },
          ],
          suites: [
            {
              specs: [
                {
                  file: 'electron/c.spec.ts',
                  tests: [pwTest('electron', 'skipped', 'no Electron binary (run install)')],
                },
              ],
            },
          ],
        },
      ],
    }
    expect(skipLines(playwrightSkips(report))).toEqual([
      'skipped: Electron e2e — no Electron binary (run install) (2 tests in electron/a.spec.ts, electron/c.spec.ts)',
    ])
  })

  it('lists skipped Vitest tests by file, relative to the root', () => {
    const report = {
      testResults: [
        {
          name: '/repo/test/unit/x.test.ts',
          assertionResults: [
            { title: 'runs', status: 'passed' },
            { title: 'launches on Windows', status: 'skipped' },
          ],
        },
        {
          name: '/repo/test/unit/y.test.ts',
          assertionResults: [{ title: 'ok', status: 'passed' }],
        },
      ],
    }
    expect(skipLines(vitestSkips(report, '/repo'))).toEqual([
      'skipped: unit — launches on Windows (1 test in test/unit/x.test.ts)',
    ])
  })

  it('says nothing when nothing was skipped or no report was written', () => {
    expect(playwrightSkips(null)).toEqual([])
    expect(vitestSkips(undefined)).toEqual([])
  })

  it('fails a run that skipped the Electron suite only where it is required', () => {
    const electron = { label: 'Electron e2e', reason: 'no binary', count: 1, files: ['e.spec.ts'] }
    const unit = { label: 'unit', reason: 'on Windows', count: 1, files: ['u.test.ts'] }
    expect(requiredSkipError([electron], { CURATOR_REQUIRE_ELECTRON_E2E: '1' })).toMatch(
      /Electron e2e suite was skipped/,
    )
    expect(requiredSkipError([unit], { CURATOR_REQUIRE_ELECTRON_E2E: '1' })).toBeNull()
    expect(requiredSkipError([electron], {})).toBeNull()
  })
})
