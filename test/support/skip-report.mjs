// Turns the runners' JSON reports into one console line per skipped group, so `npm test` says
// what it did not run and why, next to its summary line. Plain ESM: test/run-all.mjs imports it.

const PROJECT_LABELS = { electron: 'Electron e2e', renderer: 'renderer e2e' }

function* playwrightTests(suite) {
  for (const spec of suite.specs ?? []) for (const test of spec.tests ?? []) yield { spec, test }
  for (const child of suite.suites ?? []) yield* playwrightTests(child)
}

/** Skipped Playwright tests grouped by project and reason. */
export function playwrightSkips(report) {
  const groups = new Map()
  for (const suite of report?.suites ?? []) {
    for (const { spec, test } of playwrightTests(suite)) {
      if (test.status !== 'skipped') continue
      const reason =
        test.annotations?.find((a) => a.type === 'skip' || a.type === 'fixme')?.description ??
        'skipped without a reason'
      const label = PROJECT_LABELS[test.projectName] ?? `${test.projectName} e2e`
      const key = `${label}\u0000${reason}`
      const group = groups.get(key) ?? { label, reason, count: 0, files: new Set() }
      group.count += 1
      group.files.add(spec.file)
      groups.set(key, group)
    }
  }
  return [...groups.values()].map((g) => ({ ...g, files: [...g.files].sort() }))
}

/** Skipped Vitest tests grouped by file; Vitest keeps no reason, so the test names stand in. */
export function vitestSkips(report, root = '') {
  const groups = []
  for (const file of report?.testResults ?? []) {
    const skipped = (file.assertionResults ?? []).filter((t) =>
      ['skipped', 'pending', 'todo'].includes(t.status),
    )
    if (skipped.length === 0) continue
    const name = root && file.name.startsWith(root) ? file.name.slice(root.length + 1) : file.name
    groups.push({
      label: 'unit',
      reason: skipped.map((t) => t.title).join('; '),
      count: skipped.length,
      files: [name.replaceAll('\\', '/')],
    })
  }
  return groups
}

export function skipLines(groups) {
  return groups.map(
    (g) =>
      `skipped: ${g.label} — ${g.reason} (${g.count} ${g.count === 1 ? 'test' : 'tests'} in ${g.files.join(', ')})`,
  )
}

/** Why the run must fail although nothing failed: a suite the environment requires was skipped. */
export function requiredSkipError(groups, env) {
  if (!env.CURATOR_REQUIRE_ELECTRON_E2E) return null
  return groups.some((g) => g.label === 'Electron e2e')
    ? 'CURATOR_REQUIRE_ELECTRON_E2E is set but the Electron e2e suite was skipped'
    : null
}
