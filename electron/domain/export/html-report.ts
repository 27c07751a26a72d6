import type { Match } from '../queries/query-service'
import { worksOf, workLabel, type ExportContext, type FormatWriter } from './export-context'
import { escapeHtml as e, paragraphs } from './html-escape'
import { histogramSvg, ratingHistogram } from './rating-histogram'

// One self-contained, printable file: inline CSS, no script, nothing fetched. The CSP forbids
// scripts and remote loads outright, so even a mistake in escaping could not run review text.

const CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const CSS = `
body{font:15px/1.5 Georgia,'Times New Roman',serif;color:#222;max-width:46rem;margin:2rem auto;padding:0 1rem}
h1,h2,h3{font-family:system-ui,sans-serif;line-height:1.2}
h1{font-size:1.6rem}h2{font-size:1.25rem;border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{font-size:1.05rem;margin:0 0 .3rem}
.meta,.legend,.byline{font-family:system-ui,sans-serif;font-size:.85rem;color:#555}
.histogram rect.orig,.swatch.orig{fill:#30638e;background:#30638e}
.histogram rect.mine,.swatch.mine{fill:#e07a5f;background:#e07a5f}
.histogram text{font:11px system-ui,sans-serif;fill:#444}.histogram .axis{stroke:#888}
.swatch{display:inline-block;width:.8em;height:.8em;vertical-align:middle}
blockquote{margin:1rem 0;padding:.2rem 1rem;border-left:4px solid #edae49;font-style:italic}
blockquote footer{font-style:normal;font-family:system-ui,sans-serif;font-size:.85rem;color:#555}
article{margin:1.5rem 0;padding-top:.5rem;border-top:1px solid #eee;break-inside:avoid-page}
.ratings b{font-family:system-ui,sans-serif}.tag{display:inline-block;border:1px solid #aaa;border-radius:.6em;padding:0 .4em;margin-right:.3em;font:.8rem system-ui,sans-serif}
.note{background:#f6f3e8;padding:.4rem .7rem;border-radius:4px}
.spoiler{color:#a33;font-family:system-ui,sans-serif;font-size:.8rem}
@media print{body{margin:0;max-width:none}a{color:inherit}}
`

const rating = (n: number | null) => (n === null ? '—' : `${n}/10`)

function byline(m: Match): string {
  const r = m.review
  return `${e(r.author || 'anonymous')}${r.date ? `, ${e(r.date)}` : ''}`
}

function quote(text: string, m: Match, comment: string | null): string {
  const c = comment ? `<br>${e(comment)}` : ''
  return `<blockquote>${paragraphs(text)}<footer>— ${byline(m)} · original ${rating(m.review.rating)} · mine ${rating(m.curation.myRating)}${c}</footer></blockquote>`
}

function quotesSection(ctx: ExportContext): string {
  const parts: string[] = []
  for (const m of ctx.matches) {
    for (const h of m.curation.highlights) parts.push(quote(h.quote, m, h.comment))
    if (m.curation.kept && m.curation.highlights.length === 0) {
      parts.push(quote(m.review.title, m, null))
    }
  }
  return parts.length ? `<section><h2>Quotes</h2>\n${parts.join('\n')}</section>` : ''
}

function reviewArticle(m: Match, fields: ExportContext['options']['fields']): string {
  const { review: r, curation: c } = m
  const tags = c.tags.map((t) => `<span class="tag">${e(t)}</span>`).join('')
  const showBody = fields === 'all' || fields === 'original'
  const showCuration = fields !== 'original'
  const note =
    showCuration && c.note ? `<div class="note"><b>My note:</b> ${paragraphs(c.note)}</div>` : ''
  const highlights =
    showCuration && c.highlights.length
      ? `<ul class="highlights">${c.highlights.map((h) => `<li>“${e(h.quote)}”${h.comment ? ` — ${e(h.comment)}` : ''}</li>`).join('')}</ul>`
      : ''
  return `<article>
<h3>${c.kept ? '★ ' : ''}${e(r.title || '(no headline)')}</h3>
<p class="byline">${byline(m)}${r.spoiler ? ' <span class="spoiler">spoilers</span>' : ''}</p>
<p class="ratings">Original rating <b>${rating(r.rating)}</b> · my rating <b>${showCuration ? rating(c.myRating) : '—'}</b> ${showCuration ? tags : ''}</p>
${note}${highlights}${showBody ? paragraphs(r.body) : ''}
</article>`
}

export function htmlWriter(ctx: ExportContext): FormatWriter {
  let currentWork: string | null = null
  const works = worksOf(ctx)
  const title = `Review report: ${ctx.scope.label}`
  return {
    head: () => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="generator" content="Review Curator">
<title>${e(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header>
<h1>${e(title)}</h1>
<p class="meta">${ctx.matches.length} reviews of ${works.map((w) => e(workLabel(w))).join(', ') || 'no work'} · exported ${e(ctx.exportedAt.slice(0, 10))}</p>
</header>
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
      return out + reviewArticle(m, ctx.options.fields) + '\n'
    },
    tail: () => '</section>\n</body>\n</html>\n',
  }
}
