import AxeBuilder from '@axe-core/playwright'
import { expect, type Page } from '@playwright/test'

// Shared steps of the workspace specs. Reviews are found by headline because ids depend on the
// importer.
export const GRITTY = 'Gritty, bleak and unforgettable'
export const REFN = "Nicolas Winding Refn's Pusher 2 is even better than the first one"
export const DISAPPOINTING = 'Disappointing'

export const list = (page: Page) => page.getByRole('listbox', { name: 'Reviews' })
export const reader = (page: Page) => page.getByRole('region', { name: 'Review' })
export const sidebar = (page: Page) => page.getByRole('navigation', { name: 'Library' })
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
export const startsWith = (text: string) => new RegExp(`^${escape(text)}`)
export const option = (page: Page, headline: string) =>
  list(page).getByRole('option', { name: startsWith(headline) })

/** Try the sample opens the library straight away: no report dialog in the way. */
export async function importSample(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Try the sample/ }).click()
  await expect(page.getByText('25 reviews', { exact: true })).toBeVisible()
  await expect(page.getByRole('dialog')).toHaveCount(0)
}

export async function select(page: Page, headline: string): Promise<void> {
  await option(page, headline).click()
  await expect(reader(page).getByRole('heading', { level: 2 })).toHaveText(startsWith(headline))
}

export async function addTag(page: Page, tag: string): Promise<void> {
  const input = reader(page).getByRole('textbox', { name: 'Add tag' })
  await input.fill(tag)
  await input.press('Enter')
  await expect(reader(page).getByRole('button', { name: `Remove tag ${tag}` })).toBeVisible()
}

/** Headlines of the rendered rows, in list order. */
export async function headlines(page: Page): Promise<string[]> {
  const labels = await list(page)
    .getByRole('option')
    .evaluateAll((nodes) => nodes.map((n) => n.getAttribute('aria-label') ?? ''))
  return labels.map((label) => label.split(', by ')[0] ?? '')
}

/** No serious or critical axe violations on the page as it is now. */
export async function expectAccessible(page: Page): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze()
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(
    bad.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(' | ')}`,
    ),
  ).toEqual([])
}

/**
 * Makes this page blur a focused button the moment it is disabled, as some Chromium builds do
 * (others wait for the next frame): focus then reaches <body> inside React's commit, before any
 * effect can see where it was.
 */
export async function blurDisabledAtOnce(page: Page): Promise<void> {
  await page.evaluate(() => {
    const blurIfFocused = (element: Element) => {
      if (element === document.activeElement && element instanceof HTMLElement) element.blur()
    }
    const setAttribute = Element.prototype.setAttribute
    Element.prototype.setAttribute = function (name: string, value: string) {
      setAttribute.call(this, name, value)
      if (name === 'disabled') blurIfFocused(this)
    }
    const disabled = Object.getOwnPropertyDescriptor(HTMLButtonElement.prototype, 'disabled')!
    Object.defineProperty(HTMLButtonElement.prototype, 'disabled', {
      ...disabled,
      set(this: HTMLButtonElement, value: boolean) {
        disabled.set!.call(this, value)
        if (value) blurIfFocused(this)
      },
    })
  })
}
