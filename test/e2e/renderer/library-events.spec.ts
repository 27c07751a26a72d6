import { expect, test, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import {
  DISAPPOINTING,
  GRITTY,
  importSample,
  list,
  option,
  reader,
  select,
  sidebar,
} from './workspace-support'

// The renderer refreshes only from main's one `library:changed` per commit, and patches what it
// names: a curation change re-reads just its rows and the reader, never the whole list.
let app: CuratorPage | undefined

test.afterEach(async () => {
  await app?.close()
  app = undefined
})

/** How many requests of each channel the page sent since `from`. */
function countSince(from: number): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const { channel } of app!.invoked.slice(from)) {
    const name = String(channel)
    counts[name] = (counts[name] ?? 0) + 1
  }
  return counts
}

type Invoke = (channel: string, req: unknown) => Promise<{ ok: boolean; value: unknown }>

/** A request sent past the UI, as another window or a menu command would change the library. */
function invokeFromOutside<T>(page: Page, channel: string, req: unknown): Promise<T> {
  return page.evaluate(
    async ([c, r]) => {
      const api = (window as unknown as { curator: { invoke: Invoke } }).curator
      const result = await api.invoke(c as string, r)
      if (!result.ok) throw new Error(`${String(c)} refused`)
      return result.value as T
    },
    [channel, req] as const,
  )
}

async function idOf(page: Page, headline: string): Promise<{ id: string; index: number }> {
  const { rows } = await invokeFromOutside<{ rows: { id: string; title: string }[] }>(
    page,
    'reviews:query',
    { query: {}, offset: 0, limit: 100 },
  )
  const index = rows.findIndex((r) => r.title.startsWith(headline))
  expect(index).toBeGreaterThanOrEqual(0)
  return { id: rows[index]!.id, index }
}

test('rating one review patches its row from the event and re-reads the reader once; the list is not re-queried', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  const { index } = await idOf(page, GRITTY)
  const rowsBefore = await list(page).getByRole('option').count()
  const mine = reader(page).getByRole('group', { name: 'My rating' })
  await expect(mine.getByRole('button', { name: '4', exact: true })).toBeEnabled()

  const from = app.invoked.length
  await mine.getByRole('button', { name: '4', exact: true }).click()

  await expect(option(page, GRITTY)).toHaveAccessibleName(/mine 4\/10/)
  await expect(mine.getByRole('button', { name: '4', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )
  // The command, then exactly what its one event asks for: the reader and the sidebar. The row
  // came with the event.
  await expect
    .poll(() => countSince(from))
    .toEqual({
      'curation:rate': 1,
      'reviews:get': 1,
      'library:info': 1,
      'views:list': 1,
      'history:list': 1,
    })
  const { rows } = await invokeFromOutside<{ rows: { id: string }[] }>(page, 'reviews:query', {
    query: {},
    offset: index,
    limit: 1,
  })
  expect(app.emitted.filter((e) => e.event === 'library:changed').at(-1)?.payload).toEqual({
    reviews: false,
    curationIds: [rows[0]!.id],
    meta: false,
    rows: [expect.objectContaining({ id: rows[0]!.id, myRating: 4 })],
  })
  // Patched in place: no row left the screen while it was re-read.
  await expect(list(page).getByRole('option')).toHaveCount(rowsBefore)
  expect(app.errors).toEqual([])
})

test('a change made outside the UI reaches the row, the reader and the sidebar by its event alone', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await select(page, GRITTY)
  const gritty = await idOf(page, GRITTY)
  const other = await idOf(page, DISAPPOINTING)
  const mine = reader(page).getByRole('group', { name: 'My rating' })

  // Curation of the review on screen: its row and the reader follow.
  await invokeFromOutside(page, 'curation:rate', { ids: [gritty.id], rating: 2 })
  await expect(option(page, GRITTY)).toHaveAccessibleName(/mine 2\/10/)
  await expect(mine.getByRole('button', { name: '2', exact: true })).toHaveAttribute(
    'aria-pressed',
    'true',
  )

  // Curation of another review: its row follows, the reader keeps its own review.
  const from = app.invoked.length
  await invokeFromOutside(page, 'curation:keep', { ids: [other.id], kept: true })
  await expect(option(page, DISAPPOINTING)).toHaveAccessibleName(/kept/)
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(/^Gritty/)
  await expect.poll(() => countSince(from)['history:list']).toBe(1)
  // The row came with the event: nothing re-reads it.
  expect(countSince(from)['reviews:query']).toBeUndefined()
  expect(countSince(from)['reviews:get']).toBeUndefined()

  // Tags, views and import records: the sidebar re-reads them.
  await invokeFromOutside(page, 'tags:create', { name: 'theme/outside' })
  await expect(sidebar(page).getByText('outside', { exact: true })).toBeVisible()

  // An undo is a change like any other: the rating goes back with no click.
  await invokeFromOutside(page, 'history:undo', {})
  await invokeFromOutside(page, 'history:undo', {})
  await invokeFromOutside(page, 'history:undo', {})
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/mine/)
  await expect(option(page, DISAPPOINTING)).not.toHaveAccessibleName(/kept/)
  await expect(mine.getByRole('button', { name: 'Clear' })).toBeDisabled()

  // Reviews removed by undoing the import: the list is re-queried and empties, by the event.
  await invokeFromOutside(page, 'history:undo', {})
  await expect(page.getByRole('button', { name: /Try the sample/ })).toBeVisible()
  expect(app.errors).toEqual([])
})

test('under a query curation can change, a curation event re-reads the pages held', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const other = await idOf(page, DISAPPOINTING)
  await page.getByRole('searchbox', { name: 'Search' }).fill('kept:yes')
  await expect(list(page).getByRole('option')).toHaveCount(0)

  // The review is in no page the list holds, yet it now belongs to the query.
  await invokeFromOutside(page, 'curation:keep', { ids: [other.id], kept: true })
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await expect(option(page, DISAPPOINTING)).toHaveAccessibleName(/kept/)

  await invokeFromOutside(page, 'curation:keep', { ids: [other.id], kept: false })
  await expect(list(page).getByRole('option')).toHaveCount(0)
  expect(app.errors).toEqual([])
})

test('a first page asked ahead of the typing pause is taken, unless the library changed before the pause ended', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  const gritty = await idOf(page, GRITTY)
  const search = page.getByRole('searchbox', { name: 'Search' })
  // The page's timers run only when told: the first page is asked 150 ms into the 250 ms pause.
  await page.clock.install()
  await page.clock.pauseAt(Date.now() + 1_000)
  const firstPages = (from: number, q: string) =>
    app!.invoked.slice(from).filter(({ channel, request }) => {
      const r = request as { query?: { q?: string }; offset?: number }
      return channel === 'reviews:query' && r.query?.q === q && r.offset === 0
    }).length
  // Main has the request before the change below, so it answers from the library as it was.
  const askedAhead = async (from: number, q: string) => {
    await page.clock.runFor(160)
    await expect.poll(() => firstPages(from, q)).toBe(1)
  }

  // Nothing changed meanwhile: the pause ends on the page asked ahead, with no second request.
  let from = app.invoked.length
  await search.fill('unforgettable')
  await askedAhead(from, 'unforgettable')
  await page.clock.runFor(100)
  await expect(list(page).getByRole('option')).toHaveCount(1)
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/kept/)
  expect(firstPages(from, 'unforgettable')).toBe(1)

  // Kept from outside between the early request and the end of the pause: that page is dropped
  // and the list asks again, so the row shows the review as it is now.
  from = app.invoked.length
  await search.fill('gritty')
  await askedAhead(from, 'gritty')
  await invokeFromOutside(page, 'curation:keep', { ids: [gritty.id], kept: true })
  await page.clock.runFor(100)
  await expect.poll(() => firstPages(from, 'gritty')).toBe(2)
  await expect(option(page, GRITTY)).toHaveAccessibleName(/kept/)
  await page.clock.resume()
  expect(app.errors).toEqual([])
})

/**
 * Holds back main's answers to `channel` until `release()` (or answers with `refuse`), by
 * wrapping the page's IPC door as a slow disk or a refusing main would.
 */
async function gate(page: Page, channel: string, refuse?: string): Promise<void> {
  await page.evaluate(
    ([c, message]) => {
      const w = window as unknown as {
        __curatorInvoke: Invoke
        __release: () => void
      }
      const real = w.__curatorInvoke
      let open!: () => void
      const opened = new Promise<void>((resolve) => (open = resolve))
      w.__release = open
      w.__curatorInvoke = async (name, req) => {
        if (name !== c) return real(name, req)
        if (message) return { ok: false, error: { code: 'internal', message } } as never
        await opened
        return real(name, req)
      }
    },
    [channel, refuse ?? ''] as const,
  )
}

test('tag, rate and keep show on the row before main answers; a refused edit is taken back', async ({
  browser,
}) => {
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await importSample(page)
  await sidebar(page).getByRole('textbox', { name: 'New tag' }).fill('theme')
  await sidebar(page).getByRole('button', { name: 'Create' }).click()
  await expect(sidebar(page).getByRole('button', { name: /^theme 0$/ })).toBeVisible()
  await select(page, GRITTY)
  await list(page).focus()

  // Main holds its answer: the row shows the rating already, and keeps it once main commits.
  await gate(page, 'curation:rate')
  await page.keyboard.press('Alt+6')
  await expect(option(page, GRITTY)).toHaveAccessibleName(/mine 6\/10/)
  expect(app.invoked.filter((i) => i.channel === 'curation:rate')).toHaveLength(0)
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release())
  await expect.poll(() => app!.invoked.filter((i) => i.channel === 'curation:rate').length).toBe(1)
  await expect(option(page, GRITTY)).toHaveAccessibleName(/mine 6\/10/)

  await gate(page, 'curation:toggle-tag')
  await page.keyboard.press('1')
  await expect(option(page, GRITTY)).toHaveAccessibleName(/tags: theme/)
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release())
  await expect(reader(page).getByRole('button', { name: 'Remove tag theme' })).toBeVisible()

  // Main refuses the keep: the star is shown, then taken back, and the error says why.
  await gate(page, 'curation:keep', 'the disk is full')
  await page.keyboard.press('s')
  await expect(page.getByRole('alert')).toContainText('the disk is full')
  await expect(option(page, GRITTY)).not.toHaveAccessibleName(/kept/)
  await expect(option(page, GRITTY)).toHaveAccessibleName(/mine 6\/10.*tags: theme/)
})
