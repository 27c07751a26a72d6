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

test('rating one review re-reads its row and the reader once; the list is not re-queried', async ({
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
  // The command, then exactly what its one event asks for: the row, the reader, the sidebar.
  await expect
    .poll(() => countSince(from))
    .toEqual({
      'curation:rate': 1,
      'reviews:query': 1,
      'reviews:get': 1,
      'library:info': 1,
      'views:list': 1,
      'history:list': 1,
    })
  const reread = app.invoked.slice(from).find((i) => i.channel === 'reviews:query')!.request
  expect(reread).toEqual({ query: {}, offset: index, limit: 1 })
  expect(app.emitted.filter((e) => e.event === 'library:changed').at(-1)?.payload).toEqual({
    reviews: false,
    curationIds: [expect.any(String)],
    meta: false,
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
  await expect.poll(() => countSince(from)['reviews:query']).toBe(1)
  expect(app.invoked.slice(from).find((i) => i.channel === 'reviews:query')!.request).toEqual({
    query: {},
    offset: other.index,
    limit: 1,
  })
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
