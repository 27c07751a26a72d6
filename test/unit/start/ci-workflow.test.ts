import { readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'

// The README promises what the GitHub workflow does; the workflow only runs on GitHub, so its
// text is checked here.
const ROOT = resolve(import.meta.dirname, '../../..')
const workflow = readFileSync(join(ROOT, '.github/workflows/ci.yml'), 'utf8')

describe('GitHub workflow', () => {
  it('runs on Linux, Windows and macOS', () => {
    expect(workflow).toMatch(/os: \[ubuntu-latest, windows-latest, macos-latest\]/)
  })

  it('installs the Electron runtime and refuses a skipped Electron suite', () => {
    expect(workflow).toMatch(/run: node node_modules\/electron\/install\.js/)
    expect(workflow).toMatch(/CURATOR_REQUIRE_ELECTRON_E2E: 1/)
    expect(workflow).toMatch(/xvfb-run -a npm test/)
  })

  it('builds the installers with signing off unless SIGN_INSTALLERS is true', () => {
    expect(workflow).toMatch(/run: npm run dist -- --publish never/)
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_APP_SPECIFIC_PASSWORD',
      'APPLE_TEAM_ID',
    ]) {
      expect(workflow).toContain(
        `${name}: \${{ vars.SIGN_INSTALLERS == 'true' && secrets.${name} || '' }}`,
      )
    }
    expect(workflow).toMatch(
      /CSC_IDENTITY_AUTO_DISCOVERY: \$\{\{ vars.SIGN_INSTALLERS == 'true' \}\}/,
    )
  })
})
