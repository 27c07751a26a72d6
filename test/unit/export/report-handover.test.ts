import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEFAULT_EXPORT_OPTIONS } from '../../../shared/channels/export'
import {
  exportContext,
  exportToFile,
  renderExport,
  suggestedFileName,
} from '../../../electron/app/export/export-service'
import { setNote } from '../../../electron/app/commands/curate'
import { runExportCommand } from '../../../electron/cli/export-command'
import { escapeHtml } from '../../../electron/domain/export/html-escape'
import { humanDate } from '../../../electron/domain/export/human-date'
import { noteHtml } from '../../../electron/domain/export/note-markdown'
import { citeQuote } from '../../../electron/domain/export/quote-citation'
import {
  defaultReportTitle,
  exportFileName,
  safeFileBase,
} from '../../../electron/domain/export/report-naming'
import { resolveScope } from '../../../electron/domain/export/select'
import { readZip } from '../../support/read-zip'
import { curatedLibrary, type Curated } from './fixture-library'

// What makes an export something to hand an editor (issue 13, point 4): notes rendered from
// Markdown, a real title, dates in words, a readable chart, highlights marked, one typeface,
// file names from the work and the set, a Word quote sheet and a quote with its attribution.

const NOTE =
  '**Bold claim** and _a reading_, see [IMDb](https://www.imdb.com/title/tt0396184/)\n\n' +
  '- first point\n- second point\n\n<script>window.__pwned=1</script>'

let lib: Curated
beforeAll(async () => {
  lib = await curatedLibrary()
  await setNote(lib.library, lib.ids.first, NOTE)
})
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const everything = { label: 'The whole library', query: {} }
const firstBody = () => lib.library.getReview(lib.ids.first)!.body

describe('notes rendered from Markdown', () => {
  it('gives bold, emphasis, lists and links with rel, and escapes raw HTML', () => {
    const html = noteHtml(NOTE)
    expect(html).toContain('<strong>Bold claim</strong>')
    expect(html).toContain('<em>a reading</em>')
    expect(html).toContain('<li>second point</li>')
    expect(html).toContain(
      '<a href="https://www.imdb.com/title/tt0396184/" rel="noopener noreferrer">IMDb</a>',
    )
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(html).not.toMatch(/<script/i)
  })

  it('never makes an image, a heading or a script link out of a note', () => {
    const html = noteHtml('# Big\n\n![poster](https://evil.example/p.png) [x](javascript:alert(1))')
    expect(html).not.toMatch(/<img|<h1|href="javascript/i)
    expect(html).toContain('[image: poster]')
  })
})

describe('human dates', () => {
  it('writes a day in words, in the given language, and leaves other text alone', () => {
    expect(humanDate('2026-12-02')).toBe('2 December 2026')
    expect(humanDate('2026-12-02T23:59:00.000Z')).toBe('2 December 2026')
    expect(humanDate('2006-03-11', 'en-US')).toBe('March 11, 2006')
    expect(humanDate('2006-03-11', 'da')).toBe('11. marts 2006')
    expect(humanDate('sometime in 2006')).toBe('sometime in 2006')
  })
})

describe('report titles and file names', () => {
  const work = { id: 'w1', title: 'Pusher II', year: 2004 }
  it('names the work and the set, never "The current list"', () => {
    expect(defaultReportTitle([work], { kind: 'kept' }, 12)).toBe(
      'Pusher II (2004): 12 kept reviews',
    )
    expect(defaultReportTitle([work], { kind: 'query' }, 1)).toBe('Pusher II (2004): 1 review')
    expect(defaultReportTitle([work, { ...work, id: 'w2' }], { kind: 'selection' }, 3)).toBe(
      '2 works: 3 selected reviews',
    )
    expect(exportFileName([work], { kind: 'kept' }, 'html')).toBe(
      'Pusher II (2004) - kept reviews.html',
    )
    expect(exportFileName([work], { kind: 'library' }, 'docx')).toBe(
      'Pusher II (2004) - all reviews.docx',
    )
  })

  it('makes any title a file name Windows, macOS and Linux accept', () => {
    const title = { id: 'w', title: 'Who? Me: "A/B" <Cut> | *Final*.', year: null }
    const name = exportFileName([title], { kind: 'tag', name: 'x\\y' }, 'csv')
    expect(name).toBe('Who Me A B Cut Final . - tag x y.csv')
    expect(name).not.toMatch(/[<>:"/\\|?*]/)
    expect(safeFileBase('CON')).toBe('CON reviews')
    expect(safeFileBase('ends with dots...')).toBe('ends with dots')
    expect(safeFileBase('\u0000\u0007')).toBe('reviews')
    expect(safeFileBase('x'.repeat(400))).toHaveLength(120)
  })

  it('takes the default title from the scope, or the one the user typed', () => {
    const scope = resolveScope(lib.library, { kind: 'tag', tag: 'acting' })
    const ctx = exportContext(lib.library, scope, DEFAULT_EXPORT_OPTIONS, {}, 'html')
    expect(ctx.title).toBe('Pusher II (2004): 1 review tagged “acting”')
    expect(suggestedFileName(ctx, 'html')).toBe('Pusher II (2004) - tag acting.html')
    const mine = renderExport(lib.library, 'html', scope, DEFAULT_EXPORT_OPTIONS, {
      title: 'Refn <in> sequel',
    }).text
    expect(mine).toContain('<title>Refn &lt;in&gt; sequel</title>')
    expect(mine).toContain('<h1>Refn &lt;in&gt; sequel</h1>')
    expect(mine).not.toContain('Review report')
  })
})

describe('the HTML report', () => {
  const report = () => renderExport(lib.library, 'html', everything).text

  it('renders the note from Markdown and keeps every review text escaped', () => {
    const text = report()
    expect(text).toContain('<strong>Bold claim</strong>')
    expect(text).toContain('rel="noopener noreferrer"')
    expect(text).not.toMatch(/<script/i)
    expect(text).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
  })

  it('has landmarks, dates in words and one type family', () => {
    const text = report()
    expect(text).toMatch(/<header>\n<h1>/)
    expect(text).toMatch(/<main>[\s\S]*<\/main>/)
    expect(text).toContain('UlrikSande, 11 March 2006')
    expect(text).toContain('exported 1 January 2026')
    const css = /<style>([\s\S]*?)<\/style>/.exec(text)![1]!
    const families = [...css.matchAll(/font(?:-family)?:([^;}]*)/g)].map((m) => m[1]!)
    const named = families.filter((f) => /[a-z]{4,}/i.test(f) && f.trim() !== 'inherit')
    expect(named).toEqual(["15px/1.5 Georgia,'Times New Roman',serif"])
    expect(css).toContain('*{font-family:inherit}')
  })

  it('marks the highlighted passages in the review text', () => {
    const text = report()
    const quote = firstBody().slice(0, 40)
    expect(text).toContain(`<mark>${escapeHtml(quote).replace(/\n/g, '<br>')}</mark>`)
  })

  it('lists a kept review without a highlight by its headline, not as a quotation', () => {
    const text = report()
    const title = escapeHtml(lib.library.getReview(lib.ids.script)!.title)
    const quotes = [...text.matchAll(/<blockquote>[\s\S]*?<\/blockquote>/g)].map((m) => m[0])
    expect(quotes.length).toBeGreaterThan(0)
    expect(quotes.some((q) => q.includes(title))).toBe(false)
    expect(text).toMatch(
      new RegExp(
        `<ul class="kept"><li><a href="#review-[\\w-]+">${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</a>`,
      ),
    )
  })

  it('writes the counts on the histogram bars and labels both axes', () => {
    const text = report()
    const tens = [...lib.library.allReviews()].filter((r) => r.rating === 10).length
    expect(tens).toBeGreaterThan(0)
    expect(text).toMatch(
      new RegExp(
        `<rect class="orig"[^>]*><title>${tens} reviews rated 10/10</title></rect>\\n<text class="count"[^>]*>${tens}</text>`,
      ),
    )
    expect(text).toContain('>Rating (1–10)</text>')
    expect(text).toContain('>Number of reviews</text>')
  })

  it('keeps ISO dates in the machine formats', () => {
    expect(renderExport(lib.library, 'csv', everything).text).toContain('2006-03-11')
    expect(renderExport(lib.library, 'json', everything).text).toContain('"date":"2006-03-11"')
  })
})

describe('the Word quote sheet', () => {
  it('holds the title, quotes, attributions, headings and the note, in one font', async () => {
    const path = join(lib.dir, 'sheet.docx')
    const scope = resolveScope(lib.library, { kind: 'kept' })
    const ctx = exportContext(lib.library, scope, DEFAULT_EXPORT_OPTIONS, {}, 'docx')
    const result = await exportToFile(ctx, { format: 'docx', path })
    expect(result).toMatchObject({ format: 'docx', count: 2, fileName: 'sheet.docx' })
    const files = readZip(await readFile(path))
    const xml = files.get('word/document.xml')!.toString('utf8')
    const text = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
    expect(text).toContain('2 works: 2 kept reviews')
    expect(text).toContain('Pusher II (2004)')
    expect(text).toContain(firstBody().slice(0, 40).split('\n')[0]!.trim())
    expect(text).toContain('— UlrikSande, 11 March 2006, rated 8/10, my rating 3/10 · pull-quote')
    expect(text).toContain('for the poster')
    expect(text).toContain('My note')
    expect(text).toContain('• second point')
    expect(text).toContain('IMDb (https://www.imdb.com/title/tt0396184/)')
    // Hostile review text is text in the XML, never markup.
    expect(xml).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;')
    expect(xml).toMatch(/<w:pStyle w:val="Title"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>/)
    expect(xml).toMatch(/<w:pStyle w:val="Heading3"\/>/)
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}Bold claim/)
    expect(files.get('word/styles.xml')!.toString('utf8')).toContain('w:ascii="Georgia"')
  })
})

describe('the CLI', () => {
  it('writes a Word quote sheet with --out and refuses to print one to stdout', async () => {
    const io = { stdout: () => undefined, stderr: () => undefined }
    await expect(runExportCommand(lib.library, { format: 'docx' }, io)).rejects.toThrow(
      'export: docx is a binary format; pass --out FILE',
    )
    const out = join(lib.dir, 'cli.docx')
    await runExportCommand(lib.library, { format: 'docx', out }, io)
    expect(
      readZip(await readFile(out))
        .get('word/document.xml')!
        .toString(),
    ).toContain('for the poster')
  })
})

describe('copy a quote with its attribution', () => {
  it('gives the highlight, the byline, the source, the date in words and the rating', () => {
    const quote = firstBody().slice(0, 40).replace(/\s+/g, ' ').trim()
    expect(citeQuote(lib.library, lib.ids.first, undefined, 'en-GB')).toBe(
      `“${quote}” — UlrikSande, IMDb user review, 11 March 2006 (8/10)`,
    )
    expect(citeQuote(lib.library, lib.ids.first, 'hl_1', 'en-US')).toContain('March 11, 2006')
  })

  it('refuses a review without a highlight, or an unknown highlight, saying what is wrong', () => {
    expect(() => citeQuote(lib.library, lib.ids.script, undefined, 'en-GB')).toThrow(
      /has no highlight to copy: select a passage and save it as a highlight first/,
    )
    expect(() => citeQuote(lib.library, lib.ids.first, 'hl_nope', 'en-GB')).toThrow(
      /has no highlight with id hl_nope/,
    )
  })
})
