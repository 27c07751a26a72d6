import { shownByline } from '../../../shared/shown-byline'
import type { Match } from '../queries/query-service'
import { workLabel, type ExportContext, type FormatWriter } from './export-context'
import { humanDate } from './human-date'
import { escapeMarkdown, noteMarkdown, quoteBlock } from './markdown-escape'

/** The quote sheet holds the kept reviews and the highlighted passages, nothing else. */
export const inQuoteSheet = (m: Match): boolean =>
  m.curation.kept || m.curation.highlights.length > 0

const rating = (n: number | null) => (n === null ? null : `${n}/10`)

function attribution(m: Match, locale: string): string {
  const { review, curation } = m
  const { author, date } = shownByline(review, curation)
  const parts = [`**${escapeMarkdown(author || 'anonymous')}**`]
  if (date) parts.push(humanDate(date, locale))
  const theirs = rating(review.rating)
  if (theirs) parts.push(`rated ${theirs}`)
  const mine = rating(curation.myRating)
  if (mine) parts.push(`my rating ${mine}`)
  return `— ${parts.join(', ')}`
}

function quotes(m: Match, locale: string): string[] {
  const { review, curation } = m
  const out: string[] = []
  for (const h of curation.highlights) {
    const tag = h.tag ? ` · _${escapeMarkdown(h.tag)}_` : ''
    const comment = h.comment ? `\n\n${escapeMarkdown(h.comment)}` : ''
    out.push(`${quoteBlock(h.quote)}\n>\n> ${attribution(m, locale)}${tag}${comment}`)
  }
  if (curation.kept && curation.highlights.length === 0) {
    out.push(`${quoteBlock(review.body)}\n>\n> ${attribution(m, locale)}`)
  }
  return out
}

export function markdownWriter(ctx: ExportContext): FormatWriter {
  let currentWork: string | null = null
  const kept = ctx.matches.filter(inQuoteSheet).length
  return {
    head: () =>
      `# ${escapeMarkdown(ctx.title)}\n\n` +
      `_Quote sheet: ${kept} of ${ctx.matches.length} reviews kept or highlighted · exported ${humanDate(ctx.exportedAt, ctx.locale)}_\n`,
    row: (m) => {
      if (!inQuoteSheet(m)) return ''
      let out = ''
      if (m.review.workId !== currentWork) {
        currentWork = m.review.workId
        const work = ctx.library.getWork(currentWork)
        out += `\n## ${escapeMarkdown(work ? workLabel(work) : 'Unknown work')}\n`
      }
      out += `\n### ${escapeMarkdown(m.review.title || '(no headline)')}\n\n`
      out += quotes(m, ctx.locale).join('\n\n')
      // The note is the user's own Markdown: it stays Markdown, on its own lines so a list or a
      // quote in it keeps its meaning.
      if (m.curation.note) out += `\n\n**My note:**\n\n${noteMarkdown(m.curation.note)}`
      if (m.curation.tags.length)
        out += `\n\n**Tags:** ${m.curation.tags.map(escapeMarkdown).join(', ')}`
      return `${out}\n`
    },
    tail: () => (kept === 0 ? '\nNothing in this selection is kept or highlighted yet.\n' : ''),
  }
}
