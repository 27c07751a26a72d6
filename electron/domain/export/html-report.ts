import { shownByline } from '../../../shared/shown-byline'
import type { Match } from '../queries/query-service'
import { worksOf, workLabel, type ExportContext, type FormatWriter } from './export-context'
import { escapeHtml as e, paragraphs } from './html-escape'
import { humanDate } from './human-date'
import { highlightRanges, markedParagraphs } from './marked-body'
import { noteHtml } from './note-markdown'
import { histogramSvg, ratingHistogram } from './rating-histogram'

// One self-contained, printable file: inline CSS, no script, nothing fetched. The CSP forbids
// scripts and remote loads outright, so even a mistake in escaping could not run review text.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

// One type family for everything, the chart and any code in a note included: a report handed
// to an editor should not switch typefaces between headings, meta lines and text.
const CSS = `
body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#222;max-width:46rem;margin:2rem auto;padding:0 1rem}
*{font-family:inherit}
h1,h2,h3{line-height:1.2}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:0 0 .3rem}
.meta,.legend,.byline,.ratings{font-size:.85rem;color:#555}
.histogram rect.orig,.swatch.orig{fill:#30638e;background:#30638e}
.histogram rect.mine,.swatch.mine{fill:#c4502f;background:#c4502f}
.histogram text{font-size:11px;fill:#444}.histogram .axis{stroke:#888}.histogram .axis-label{font-size:12px}
.swatch{display:inline-block;width:.8em;height:.8em;vertical-align:middle}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid #edae49;font-style:italic}
blockquote footer{font-style:normal;font-size:.85rem;color:#555}
article{margin:1.5rem 0;padding-top:.5rem;border-top:1px solid #eee;break-inside:avoid-page}
.tag{display:inline-block;border:1px solid #888;border-radius:.6em;padding:0 .4em;margin-right:.3em;font-size:.8rem}
.note{background:#f6f3e8;padding:.4rem .7rem;border-radius:4px}.note-label{font-weight:bold;margin:0}
.spoiler{color:#a33;font-size:.8rem}
mark{background:#fbe7a1;color:inherit;padding:0 .1em}
@media print{body{margin:0;max-width:none}a{color:inherit}mark{background:#fbe7a1;print-color-adjust:exact}}
`

const rating = (n: number | null) => (n === null ? '—' : `${n}/10`)
const anchorId = (m: Match) => `review-${m.review.id.replace(/[^\w-]/g, '_')}`

function byline(m: Match, locale: string): string {
  const { author, date } = shownByline(m.review, m.curation)
  return `${e(author || 'anonymous')}${date ? `, ${e(humanDate(date, locale))}` : ''}`
}

function quote(text: string, m: Match, comment: string | null, locale: string): string {
  const c = comment ? `<br>${e(comment)}` : ''
  const mine = m.curation.myRating === null ? '' : ` · mine ${rating(m.curation.myRating)}`
  return `<blockquote>${paragraphs(text)}<footer>— ${byline(m, locale)} · original ${rating(m.review.rating)}${mine}${c}</footer></blockquote>`
}

function quotesSection(ctx: ExportContext): string {
  const quotes: string[] = []
  const keptOnly: string[] = []
  for (const m of ctx.matches) {
    for (const h of m.curation.highlights) quotes.push(quote(h.quote, m, h.comment, ctx.locale))
    // A kept review without a highlighted passage has nothing to quote: its headline is listed
    // as a headline, linked to the review, never set as if it were a quotation.
    if (m.curation.kept && m.curation.highlights.length === 0) {
      keptOnly.push(
        `<li><a href="#${anchorId(m)}">${e(m.review.title || '(no headline)')}</a> — ${byline(m, ctx.locale)}</li>`,
      )
    }
  }
  if (!quotes.length && !keptOnly.length) return ''
  const kept = keptOnly.length
    ? `<h3>Kept, no passage highlighted yet</h3>\n<ul class="kept">${keptOnly.join('\n')}</ul>`
    : ''
  return `<section><h2>Quotes</h2>\n${quotes.join('\n')}\n${kept}</section>`
}

function reviewArticle(m: Match, ctx: ExportContext): string {
  const { review: r, curation: c } = m
  const fields = ctx.options.fields
  const tags = c.tags.map((t) => `<span class="tag">${e(t)}</span>`).join('')
  const showBody = fields === 'all' || fields === 'original'
  const showCuration = fields !== 'original'
  const note =
    showCuration && c.note
      ? `<div class="note"><p class="note-label">My note</p>${noteHtml(c.note)}</div>`
      : ''
  const highlights =
    showCuration && c.highlights.length
      ? `<ul class="highlights">${c.highlights.map((h) => `<li>“${e(h.quote)}”${h.comment ? ` — ${e(h.comment)}` : ''}</li>`).join('')}</ul>`
      : ''
  const marks = showCuration ? highlightRanges(r.body, c.highlights) : []
  return `<article id="${anchorId(m)}">
<h3>${c.kept ? '★ ' : ''}${e(r.title || '(no headline)')}</h3>
<p class="byline">${byline(m, ctx.locale)}${r.spoiler ? ' <span class="spoiler">spoilers</span>' : ''}</p>
<p class="ratings">Original rating <b>${rating(r.rating)}</b> · my rating <b>${showCuration ? rating(c.myRating) : '—'}</b> ${showCuration ? tags : ''}</p>
${note}${highlights}${showBody ? markedParagraphs(r.body, marks) : ''}
</article>`
}

export function htmlWriter(ctx: ExportContext): FormatWriter {
  let currentWork: string | null = null
  const works = worksOf(ctx)
  return {
    head: () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Review Curator">
<title>${e(ctx.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(ctx.title)}</h1>
<p class="meta">${ctx.matches.length} reviews of ${works.map((w) => e(workLabel(w))).join(', ') || 'no work'} · exported ${e(humanDate(ctx.exportedAt, ctx.locale))}</p>
</header>
<main>
<section><h2>Ratings</h2>
${histogramSvg(ratingHistogram(ctx.matches))}
</section>
${ctx.options.fields === 'original' ? '' : quotesSection(ctx)}
<section><h2>Reviews</h2>
`,
    row: (m) => {
      if (ctx.options.fields === 'highlights' && m.curation.highlights.length === 0) return ''
      let out = ''
      if (m.review.workId !== currentWork) {
        currentWork = m.review.workId
        const work = ctx.library.getWork(currentWork)
        out += `<h2>${e(work ? workLabel(work) : 'Unknown work')}</h2>\n`
      }
      return out + reviewArticle(m, ctx) + '\n'
    },
    tail: () => '</section>\n</main>\n</body>\n</html>\n',
  }
}
