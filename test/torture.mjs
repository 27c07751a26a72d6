// `npm run torture [-- ROUNDS]`: the crash harness (test/unit/store/crash-harness.test.ts) with
// many more kill -9s than `npm test` runs (default 300).
import { spawnSync } from 'node:child_process'

const rounds = process.argv[2] ?? '300'
const result = spawnSync('npx', ['vitest', 'run', 'test/unit/store/crash-harness.test.ts'], {
  stdio: 'inherit',
  shell: process.platform === 'win32',
  env: { ...process.env, CRASH_ROUNDS: rounds },
})
process.exit(result.status ?? 1)
