import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderExport } from '../../../electron/app/export/export-service'
import { escapeHtml } from '../../../electron/domain/export/html-escape'
import { escapeMarkdown } from '../../../electron/domain/export/markdown-escape'
import { curatedLibrary, type Curated } from './fixture-library'

let lib: Curated
beforeAll(async () => void (lib = await curatedLibrary()))
afterAll(async () => {
  await lib.library.close()
  await lib.cleanup()
})

const everything = { label: 'The whole library', query: {} }

describe('Markdown escaping', () => {
  it('escapes block markers at line starts and inline markers anywhere', () => {
    expect(escapeMarkdown('# heading')).toBe('\\# heading')
    expect(escapeMarkdown('> quote')).toBe('\\> quote')
    expect(escapeMarkdown('  - item\n+ item\n1. item\n2) item')).toBe(
      '  \\- item\n\\+ item\n1\\. item\n2\\) item',
    )
    expect(escapeMarkdown('*bold* and _it_ and `code` [link](x) <b>')).toBe(
      '\\*bold\\* and \\_it\\_ and \\`code\\` \\[link\\](x) \\<b\\>',
    )
    expect(escapeMarkdown('a # in the middle - stays')).toBe('a # in the middle - stays')
    expect(escapeMarkdown('line\r\n# two')).toBe('line\n\\# two')
  })
})

describe('Markdown quote sheet', () => {
  it('quotes the kept reviews and highlights with attribution and notes, escaped', () => {
    const { text, count } = renderExport(lib.library, 'md', everything)
    expect(count).toBe(2)
    expect(text).toMatch(/^# 2 works: 2 reviews\n\n_Quote sheet: 2 of 27 reviews kept/)
    expect(text).toContain('## Pusher II (2004)')
    // The byline the user corrected, with the date in words.
    expect(text).toContain('— **UlrikSande**, 11 March 2006, rated 8/10, my rating 3/10')
    expect(text).toContain('for the poster')
    // The note is the user's own Markdown: kept as written, only raw HTML defused.
    expect(text).toContain('**My note:**\n\n-2 points: "too long", but\nquotable')
    expect(text).toContain('\\<b>my\\</b> note # with *stars*')
    // The hostile review is kept: its Markdown lines must stay text inside the quote.
    expect(text).toContain('> \\# Not a heading \\*not bold\\* \\_not italic\\_')
    expect(text).toContain('> \\> not a quote')
    expect(text).not.toMatch(/^#+ Not a heading/m)
    expect(text).not.toMatch(/<script>/)
    const reviewsOnly = text.split('\n').filter((l) => /^#{1,3} /.test(l))
    expect(reviewsOnly.every((l) => !l.includes('Not a heading'))).toBe(true)
  })
})

describe('HTML report', () => {
  it('escapes every piece of review text and holds no script or remote resource', () => {
    const { text } = renderExport(lib.library, 'html', everything)
    expect(text).not.toMatch(/<script/i)
    expect(text).not.toMatch(/<img/i)
    expect(text).not.toMatch(/<[^>]*\son\w+=/i) // no element carries an event handler
    expect(text).not.toMatch(/(src|href)=["']?(https?:)?\/\//i)
    expect(text).toContain(escapeHtml('<script>window.__pwned=1</script>'))
    expect(text).toContain('&lt;b&gt;my&lt;/b&gt; note')
    expect(text).toContain('Content-Security-Policy" content="default-src \'none\'')
    expect(text).toMatch(/<svg class="histogram"/)
    expect(text).toContain('Original rating <b>8/10</b> · my rating <b>3/10</b>')
  })

  it('draws a histogram bar for each original rating present', () => {
    const { text } = renderExport(lib.library, 'html', everything)
    const ratings = [...lib.library.allReviews()].map((r) => r.rating)
    const tens = ratings.filter((r) => r === 10).length
    expect(text).toContain(`<title>${tens} reviews rated 10/10</title>`)
    expect(text).toContain('<title>1 of my ratings 3/10</title>')
  })
})
