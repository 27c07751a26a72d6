import { describe, it, expect } from 'vitest'
import { detectFormat, parseDump } from '../../../electron/domain/parsers'
import { fixtureText, parseFixture } from './load-fixture'

describe('IMDb pages saved as HTML', () => {
  const result = parseFixture('imdb-title-reviews.html')

  it('reads the page header and both reviews', () => {
    expect(result.format).toBe('imdb-html')
    expect(result.work).toEqual({ title: 'Pusher II', year: 2004 })
    expect(result.declaredCount).toBe(44)
    expect(result.reviews.map((r) => [r.rating, r.title, r.author, r.date, r.spoiler])).toEqual([
      [
        8,
        "Nicolas Winding Refn's Pusher 2 is even better than the first one",
        'UlrikSander',
        '2006-03-11',
        false,
      ],
      [null, 'Tonni is out of jail again', 'kristianbk', '2005-01-06', true],
    ])
  })

  it('keeps body paragraphs, decodes entities and drops scripts, styles and navigation', () => {
    expect(result.reviews[0]?.body).toBe(
      "Nicolas Winding Refn's Pusher 1-3 is my favorite trilogy of danish film history.\n\nCharlotte (Anne Sørensen) has given birth to his child.",
    )
    const all = JSON.stringify(result)
    expect(all).not.toContain('window.imdb')
    expect(all).not.toContain('color:red')
    expect(all).not.toContain('Top 250')
    expect(result.reviews[1]?.helpful).toEqual({ yes: 31, total: 39 })
  })

  it('reads other IMDb layouts saved as HTML through the same text parsers', () => {
    const lines = fixtureText('imdb-legacy-pusher.txt').split('\n')
    const html = `<!DOCTYPE html><html><body><div id="tn15content">${lines
      .map((line) => `<p>${line.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('\n')}</div></body></html>`
    const legacy = parseDump(html, 'old-page.htm')
    expect(legacy.format).toBe('imdb-html')
    expect(legacy.reviews.map((r) => r.author)).toEqual([
      'PAolo-10',
      'Jens Ørum Thomsen',
      'gotchast',
    ])
    expect(legacy.warnings[0]?.message).toContain('imdb-legacy-text')
  })

  it('reads the newer saved page: vote counts and dates in boxes of their own', () => {
    const newer = parseFixture('imdb-title-reviews-2024.html')
    expect(newer.format).toBe('imdb-html')
    expect(newer.work).toEqual({ title: 'Pusher II', year: 2004 })
    expect(newer.declaredCount).toBe(44)
    expect(newer.reviews.map((r) => [r.rating, r.author, r.date, r.spoiler, r.helpful])).toEqual([
      [8, 'UlrikSander', '2006-03-11', false, { yes: 54, total: 62 }],
      [null, 'kristianbk', '2005-01-06', true, { yes: 31, total: 39 }],
    ])
    expect(newer.reviews[0]?.body).toContain('\n\nCharlotte (Anne Sørensen)')
    expect(newer.fragments).toEqual([])
  })

  it('is detected from the markup or from the file name', () => {
    expect(detectFormat('<!doctype html><p>x</p>')).toBe('imdb-html')
    expect(detectFormat('<div class="review">x</div>', 'saved.html')).toBe('imdb-html')
    expect(detectFormat('<div class="review">x</div>', 'notes.txt')).toBeNull()
  })
})
