import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { test, expect } from '@playwright/test'
import { renderExport } from '../../../electron/app/export/export-service'
import { openLibrary } from '../../../electron/domain/library/open-library'
import { setNote } from '../../../electron/app/commands/curate'
import { importText } from '../../../electron/app/import/run-import'
import { expectAccessible } from './workspace-support'

// The HTML report opened in Chromium with JavaScript on: review text that is markup must show
// as text and run nothing.

const TITLE = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">`
const BODY = `<img src=x onerror="window.__pwned=3"> & <script>window.__pwned=4</script>`
const PAGE = `Hostile (2020) Poster

User Reviews

1 Review
3/10
${TITLE}
mallory12 April 2007
${BODY}
<svg onload="window.__pwned=5"></svg>
0 out of 0 found this helpful. Was this review helpful? Sign in to vote.
Permalink
`

test('a hostile review renders as text in the HTML report and nothing runs', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'curator-html-'))
  const library = await openLibrary(join(dir, 'lib'))
  let html: string
  try {
    await importText(library, 'hostile.txt', PAGE)
    const id = [...library.allReviews()][0]!.id
    await setNote(library, id, `<iframe src="https://evil.example"></iframe> my note`)
    html = renderExport(library, 'html', { label: 'Hostile', query: {} }).text
  } finally {
    await library.close()
  }
  const file = join(dir, 'report.html')
  await writeFile(file, html)

  const requests: string[] = []
  const dialogs: string[] = []
  page.on('request', (r) => requests.push(r.url()))
  page.on('dialog', (d) => {
    dialogs.push(d.message())
    void d.dismiss()
  })
  await page.goto(pathToFileURL(file).href)
  await expect(page.getByRole('heading', { level: 3 })).toHaveText(TITLE)
  await expect(page.locator('article')).toContainText(BODY)
  await expect(page.locator('article')).toContainText('<iframe src="https://evil.example">')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBe(
    undefined,
  )
  expect(await page.locator('script, img, iframe, object, embed').count()).toBe(0)
  expect(dialogs).toEqual([])
  expect(requests).toEqual([pathToFileURL(file).href]) // nothing but the file itself
  await expect(page.locator('svg.histogram')).toBeVisible()
  // Landmarks and headings an assistive reader can travel: axe finds nothing serious.
  await expect(page.getByRole('main')).toBeVisible()
  await expectAccessible(page)
})
