import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test'
import { makeTempLibraryDir, openCuratorPage, type CuratorPage } from '../../support/harness'
import { expectAccessible, headlines, importSample, list, sidebar } from './workspace-support'

// The over-time chart of the insights filters the list: a click on the canvas or a button of its
// list of periods sets a date range, shown in the filter bar as a chip that removes it.
const EXPECTED = resolve(import.meta.dirname, '../../fixtures/imdb/pusher-ii-2004.expected.json')
let app: CuratorPage | null = null
test.afterEach(async () => {
  await app?.close()
  app = null
})

interface Parsed {
  title: string
  date: string | null
  rating: number | null
}

const n = (k: number) => `${k} ${k === 1 ? 'review' : 'reviews'}`

/** The bundled sample's reviews as the parser's expected output has them. */
async function sampleReviews(): Promise<Parsed[]> {
  return (JSON.parse(await readFile(EXPECTED, 'utf8')) as { reviews: Parsed[] }).reviews
}

/** A wide window on a library of the bundled sample, and the sample's reviews as parsed. */
async function openSample(browser: Browser): Promise<{ page: Page; reviews: Parsed[] }> {
  // An accessibility scan and a sweep of the chart: slow on a loaded 2-core machine.
  test.slow()
  app = await openCuratorPage({ browser, libraryDir: await makeTempLibraryDir() })
  const { page } = app
  await page.setViewportSize({ width: 1400, height: 900 })
  await importSample(page)
  return { page, reviews: await sampleReviews() }
}

/**
 * Moves the mouse across the chart until its caption names `period` and returns where: where a
 * period sits on the canvas depends on the axis widths Chart.js measures.
 */
async function hoverPeriod(
  page: Page,
  insights: Locator,
  period: string,
): Promise<{ x: number; y: number }> {
  const canvas = insights.getByRole('img', { name: /^Line chart of reviews per/ })
  const caption = insights.getByTestId('over-time-hover')
  await canvas.scrollIntoViewIfNeeded()
  const box = (await canvas.boundingBox())!
  const y = box.y + box.height / 2
  for (let x = box.x + 2; x < box.x + box.width; x += 4) {
    await page.mouse.move(x, y)
    if ((await caption.textContent())?.startsWith(`${period}:`)) return { x, y }
  }
  throw new Error(`No point of the chart is ${period}`)
}

test('a period of the over-time chart filters the list, by mouse and by keyboard', async ({
  browser,
}) => {
  const { page, reviews } = await openSample(browser)
  const dated = (prefix: string) => reviews.filter((r) => r.date?.startsWith(prefix))
  const count = page.locator('#review-count')
  const filters = page.getByRole('form', { name: 'Filters' })
  const chip = filters.getByRole('group', { name: 'Dates' })

  await page.getByRole('button', { name: 'Insights' }).click()
  const insights = page.getByRole('region', { name: 'Insights' })
  await expect(insights.getByRole('heading', { name: 'Reviews over time (by year)' })).toBeVisible()
  await expect(chip).toHaveCount(0)

  // The mouse: a year on the canvas keeps that year's reviews, whose own months the chart then
  // shows.
  const year = dated('2005')
  expect(year.length).toBeGreaterThan(1)
  const datedCount = reviews.filter((r) => r.date !== null).length
  const at = await hoverPeriod(page, insights, '2005')
  const caption = insights.getByTestId('over-time-hover')
  await expect(caption).toHaveText(
    `2005: ${n(year.length)} (${Math.round((year.length / datedCount) * 100)}%). Click to show only these.`,
  )
  await page.mouse.click(at.x, at.y)
  await expect(count).toHaveText(n(year.length))
  await expect(chip).toContainText('2005')
  expect((await headlines(page)).sort()).toEqual(year.map((r) => r.title).sort())
  await expect(
    insights.getByRole('heading', { name: 'Reviews over time (by month)' }),
  ).toBeVisible()
  // The caption forgets the year it named: the chart shows months now.
  await expect(caption).toHaveText('Click a month to show only its reviews.')

  // The keyboard: the chart's list of periods, one button a month with its count and share.
  const january = dated('2005-01')
  expect(january.length).toBeGreaterThan(0)
  const summary = insights.getByText('Reviews per month, as a list')
  await summary.focus()
  await page.keyboard.press('Enter')
  const periods = insights.getByRole('group', { name: /^Reviews per month/ })
  const share = Math.round((january.length / year.length) * 100)
  await expect(
    periods.getByRole('button', {
      name: `Reviews Jan 2005: ${january.length} (${share}%), show only reviews from Jan 2005`,
    }),
  ).toBeVisible()
  // An empty month is shown but filters nothing.
  await expect(periods.getByRole('button', { name: /^Reviews Feb 2005: 0/ })).toBeDisabled()
  await page.keyboard.press('Tab')
  await expect(periods.getByRole('button', { name: /^Reviews Jan 2005:/ })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(count).toHaveText(n(january.length))
  await expect(chip).toContainText('Jan 2005')
  expect((await headlines(page)).sort()).toEqual(january.map((r) => r.title).sort())
  await expectAccessible(page)

  // The chip's ✕ shows every date again and hands the keyboard to the list.
  await chip.getByRole('button', { name: 'Remove the date filter Jan 2005' }).click()
  await expect(count).toHaveText(n(reviews.length))
  await expect(chip).toHaveCount(0)
  await expect(list(page)).toBeFocused()
  expect(app?.errors).toEqual([])
})

test('the date filter combines with a search, survives in a saved view and resets', async ({
  browser,
}) => {
  const { page, reviews } = await openSample(browser)
  const count = page.locator('#review-count')
  const search = page.getByRole('searchbox', { name: 'Search' })
  const chip = page.getByRole('form', { name: 'Filters' }).getByRole('group', { name: 'Dates' })

  // The decade's busiest year, among the reviews rated 7 or more.
  const strong = reviews.filter((r) => (r.rating ?? 0) >= 7)
  const byYear = new Map<string, number>()
  for (const r of strong)
    if (r.date) byYear.set(r.date.slice(0, 4), (byYear.get(r.date.slice(0, 4)) ?? 0) + 1)
  const [year, inYear] = [...byYear].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]!
  expect(inYear).toBeLessThan(strong.length)

  await search.fill('rating:>=7')
  await expect(count).toHaveText(n(strong.length))
  await page.getByRole('button', { name: 'Insights' }).click()
  const insights = page.getByRole('region', { name: 'Insights' })
  await insights.getByText('Reviews per year, as a list').click()
  await insights
    .getByRole('group', { name: /^Reviews per year/ })
    .getByRole('button', { name: new RegExp(`^Reviews ${year}:`) })
    .click()
  await expect(count).toHaveText(n(inYear))
  await expect(chip).toContainText(year)
  await expect(search).toHaveValue('rating:>=7')

  // Saved with the view; Reset filters clears it with the search; the view brings both back.
  await sidebar(page).getByRole('button', { name: 'Save current view…' }).click()
  await sidebar(page).getByRole('textbox', { name: 'View name' }).fill('Strong year')
  await page.keyboard.press('Enter')
  const view = sidebar(page).getByRole('button', { name: /^Strong year \d+$/ })
  await expect(view).toHaveAccessibleName(`Strong year ${inYear}`)
  await page.getByRole('button', { name: 'Reset filters' }).click()
  await expect(count).toHaveText(n(reviews.length))
  await expect(chip).toHaveCount(0)
  await expect(search).toHaveValue('')
  await view.click()
  await expect(count).toHaveText(n(inYear))
  await expect(chip).toContainText(year)
  await expect(search).toHaveValue('rating:>=7')

  // In the smallest window the chip stays inside the filter bar, clear of Reset filters.
  await page.setViewportSize({ width: 1024, height: 700 })
  const bar = (await page.getByRole('form', { name: 'Filters' }).boundingBox())!
  const box = (await chip.boundingBox())!
  const reset = (await page.getByRole('button', { name: 'Reset filters' }).boundingBox())!
  expect(box.x).toBeGreaterThanOrEqual(bar.x)
  expect(box.x + box.width).toBeLessThanOrEqual(bar.x + bar.width)
  expect(box.y + box.height).toBeLessThanOrEqual(bar.y + bar.height)
  const apart =
    box.x + box.width <= reset.x ||
    reset.x + reset.width <= box.x ||
    box.y + box.height <= reset.y ||
    reset.y + reset.height <= box.y
  expect(apart, 'the Dates chip overlaps Reset filters').toBe(true)
  expect(app?.errors).toEqual([])
})
