import type { Match } from '../queries/query-service'
import { workLabel, type ExportContext, type FormatWriter } from './export-context'
import { escapeMarkdown, quoteBlock } from './markdown-escape'

/** The quote sheet holds the kept reviews and the highlighted passages, nothing else. */
export const inQuoteSheet = (m: Match): boolean =>
  m.curation.kept || m.curation.highlights.length > 0

const rating = (n: number | null) => (n === null ? null : `${n}/10`)

function attribution(m: Match): string {
  const { review, curation } = m
  const parts = [`**${escapeMarkdown(review.author || 'anonymous')}**`]
  if (review.date) parts.push(review.date)
  const theirs = rating(review.rating)
  if (theirs) parts.push(`rated ${theirs}`)
  const mine = rating(curation.myRating)
  if (mine) parts.push(`my rating ${mine}`)
  return `— ${parts.join(', ')}`
}

function quotes(m: Match): string[] {
  const { review, curation } = m
  const out: string[] = []
  for (const h of curation.highlights) {
    const tag = h.tag ? ` · _${escapeMarkdown(h.tag)}_` : ''
    const comment = h.comment ? `\n\n${escapeMarkdown(h.comment)}` : ''
    out.push(`${quoteBlock(h.quote)}\n>\n> ${attribution(m)}${tag}${comment}`)
  }
  if (curation.kept && curation.highlights.length === 0) {
    out.push(`${quoteBlock(review.body)}\n>\n> ${attribution(m)}`)
  }
  return out
}

export function markdownWriter(ctx: ExportContext): FormatWriter {
  let currentWork: string | null = null
  const kept = ctx.matches.filter(inQuoteSheet).length
  return {
    head: () =>
      `# Quote sheet: ${escapeMarkdown(ctx.scope.label)}\n\n` +
      `_${kept} of ${ctx.matches.length} reviews kept or highlighted · exported ${ctx.exportedAt.slice(0, 10)}_\n`,
    row: (m) => {
      if (!inQuoteSheet(m)) return ''
      let out = ''
      if (m.review.workId !== currentWork) {
        currentWork = m.review.workId
        const work = ctx.library.getWork(currentWork)
        out += `\n## ${escapeMarkdown(work ? workLabel(work) : 'Unknown work')}\n`
      }
      out += `\n### ${escapeMarkdown(m.review.title || '(no headline)')}\n\n`
      out += quotes(m).join('\n\n')
      if (m.curation.note) out += `\n\n**My note:** ${escapeMarkdown(m.curation.note)}`
      if (m.curation.tags.length)
        out += `\n\n**Tags:** ${m.curation.tags.map(escapeMarkdown).join(', ')}`
      return `${out}\n`
    },
    tail: () => (kept === 0 ? '\nNothing in this selection is kept or highlighted yet.\n' : ''),
  }
}
