import { expect, test } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'

// Proves the harness itself: the built renderer loads under its CSP, window.curator has the
// preload's shape, and a request reaches the real handlers and a real library on disk.
let app: CuratorPage

test.beforeEach(async ({ browser }) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
})

test.afterEach(async () => {
  await app?.close()
})

test('renderer loads with window.curator wired to the real handlers', async () => {
  const { page } = app

  const shape = await page.evaluate(() => {
    const api = (window as unknown as { curator?: Record<string, unknown> }).curator
    return (
      api &&
      Object.keys(api)
        .sort()
        .map((k) => `${k}:${typeof api[k]}`)
    )
  })
  expect(shape).toEqual(['invoke:function', 'on:function'])

  const info = await page.evaluate(() =>
    (
      window as unknown as { curator: { invoke(c: string, r: unknown): Promise<unknown> } }
    ).curator.invoke('library:info', {}),
  )
  expect(info).toMatchObject({ ok: true, value: { reviewCount: 0, works: [], tags: [] } })

  // Channels outside the contract never reach main, as with the real preload.
  const unknown = await page.evaluate(() =>
    (window as unknown as { curator: { invoke(c: string, r: unknown): Promise<unknown> } }).curator
      .invoke('fs:read', {})
      .then(
        () => 'resolved',
        (err: Error) => err.message,
      ),
  )
  expect(unknown).toBe('unknown channel fs:read')

  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content')
  expect(csp).toContain("default-src 'none'")
  expect(csp).toContain("script-src 'self'")

  await expect(page).toHaveTitle('Review Curator')
  await expect(page.locator('#root')).not.toBeEmpty()
  expect(app.errors).toEqual([])
})

test('events from main reach listeners registered with window.curator.on', async () => {
  const { page } = app
  await page.evaluate(() => {
    const w = window as unknown as {
      curator: { on(e: string, l: (p: unknown) => void): () => void }
      seen: unknown[]
    }
    w.seen = []
    w.curator.on('library:changed', (p) => w.seen.push(p))
  })
  await app.emit('library:changed', { reviews: false, curationIds: ['rv_1'], meta: false })
  expect(await page.evaluate(() => (window as unknown as { seen: unknown[] }).seen)).toEqual([
    { reviews: false, curationIds: ['rv_1'], meta: false },
  ])
  expect(app.errors).toEqual([])
})

test('a change made through window.curator survives reopening the library from disk', async () => {
  const invoke = (channel: string, req: unknown) =>
    app.page.evaluate(
      ([c, r]) =>
        (
          window as unknown as { curator: { invoke(c: string, r: unknown): Promise<unknown> } }
        ).curator.invoke(c, r),
      [channel, req] as const,
    )

  const imported = (await invoke('import:sample', {})) as { ok: boolean }
  expect(imported.ok).toBe(true)
  await expect
    .poll(() => app.emitted)
    .toContainEqual({
      event: 'library:changed',
      payload: { reviews: true, curationIds: [], meta: true },
    })

  const before = (await invoke('library:info', {})) as { value: { reviewCount: number } }
  expect(before.value.reviewCount).toBeGreaterThan(0)

  await app.reopen()
  const after = (await invoke('library:info', {})) as { value: { reviewCount: number } }
  expect(after.value.reviewCount).toBe(before.value.reviewCount)
  expect(app.errors).toEqual([])
})
