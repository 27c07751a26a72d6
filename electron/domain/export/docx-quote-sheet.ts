import { Document, HeadingLevel, Packer, Paragraph, TextRun, type ParagraphChild } from 'docx'
import MarkdownIt from 'markdown-it'
import type { Token } from 'markdown-it'
import { shownByline } from '../../../shared/shown-byline'
import type { Match } from '../queries/query-service'
import { workLabel, type ExportContext } from './export-context'
import { humanDate } from './human-date'
import { inQuoteSheet } from './markdown-writer'

// The quote sheet as a Word document, for an editor who works in Word: the same content as the
// Markdown sheet (kept reviews and highlights with their attribution, comments, notes and tags),
// in one typeface. Review text is written as plain runs, so nothing in it is ever markup; the
// note's Markdown becomes bold, italic and list paragraphs.

const FONT = 'Georgia'
const parser = new MarkdownIt('commonmark', { html: false })

const rating = (n: number | null) => (n === null ? null : `${n}/10`)

function attribution(m: Match, locale: string): string {
  const { author, date } = shownByline(m.review, m.curation)
  const parts = [author || 'anonymous']
  if (date) parts.push(humanDate(date, locale))
  const theirs = rating(m.review.rating)
  if (theirs) parts.push(`rated ${theirs}`)
  const mine = rating(m.curation.myRating)
  if (mine) parts.push(`my rating ${mine}`)
  return `— ${parts.join(', ')}`
}

/** Text with its line breaks kept: one run per line, a break before every line but the first. */
function lines(text: string, style: { italics?: boolean; bold?: boolean } = {}): TextRun[] {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }))
}

function quoteParagraphs(text: string): Paragraph[] {
  return text
    .trim()
    .split(/\n\s*\n/)
    .map((p) => new Paragraph({ style: 'Quote', children: lines(p.trim(), { italics: true }) }))
}

/** The inline Markdown of a note as runs: bold, italic, code as text, links as "text (url)". */
function inlineRuns(tokens: Token[] | null): ParagraphChild[] {
  const runs: ParagraphChild[] = []
  let bold = 0
  let italics = 0
  let href: string | null = null
  for (const t of tokens ?? []) {
    if (t.type === 'strong_open') bold++
    else if (t.type === 'strong_close') bold--
    else if (t.type === 'em_open') italics++
    else if (t.type === 'em_close') italics--
    else if (t.type === 'link_open') href = String(t.attrGet('href') ?? '')
    else if (t.type === 'link_close') {
      if (href) runs.push(new TextRun({ text: ` (${href})` }))
      href = null
    } else if (t.type === 'softbreak' || t.type === 'hardbreak')
      runs.push(new TextRun({ break: 1 }))
    else if (t.type === 'text' || t.type === 'code_inline' || t.type === 'image') {
      runs.push(new TextRun({ text: t.content, bold: bold > 0, italics: italics > 0 }))
    }
  }
  return runs
}

/** A note's Markdown as Word paragraphs: paragraphs, bullet and numbered items, headings as bold. */
export function noteParagraphs(markdown: string): Paragraph[] {
  const out: Paragraph[] = []
  let listDepth = 0
  let ordered = false
  let item = 0
  for (const t of parser.parse(markdown, {})) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      listDepth++
      ordered = t.type === 'ordered_list_open'
      item = 0
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') listDepth--
    else if (t.type === 'list_item_open') item++
    else if (t.type === 'inline') {
      const marker = listDepth > 0 ? new TextRun({ text: ordered ? `${item}. ` : '• ' }) : null
      out.push(
        new Paragraph({
          indent: listDepth > 0 ? { left: 360 * listDepth } : undefined,
          children: [...(marker ? [marker] : []), ...inlineRuns(t.children)],
        }),
      )
    } else if (t.type === 'code_block' || t.type === 'fence') {
      out.push(new Paragraph({ children: lines(t.content.replace(/\n$/, '')) }))
    }
  }
  return out
}

function reviewParagraphs(m: Match, locale: string): Paragraph[] {
  const { review, curation } = m
  const out = [
    new Paragraph({ heading: HeadingLevel.HEADING_3, text: review.title || '(no headline)' }),
  ]
  const credit = attribution(m, locale)
  for (const h of curation.highlights) {
    out.push(...quoteParagraphs(h.quote))
    const tag = h.tag ? ` · ${h.tag}` : ''
    out.push(new Paragraph({ children: [new TextRun(`${credit}${tag}`)] }))
    if (h.comment) out.push(new Paragraph({ children: lines(h.comment) }))
  }
  if (curation.kept && curation.highlights.length === 0) {
    out.push(...quoteParagraphs(review.body))
    out.push(new Paragraph({ children: [new TextRun(credit)] }))
  }
  if (curation.note) {
    out.push(new Paragraph({ children: [new TextRun({ text: 'My note', bold: true })] }))
    out.push(...noteParagraphs(curation.note))
  }
  if (curation.tags.length) {
    out.push(
      new Paragraph({
        children: [
          new TextRun({ text: 'Tags: ', bold: true }),
          new TextRun(curation.tags.join(', ')),
        ],
      }),
    )
  }
  return out
}

/** The quote sheet as a .docx file's bytes (a zip holding word/document.xml). */
export async function docxQuoteSheet(ctx: ExportContext): Promise<Uint8Array> {
  const kept = ctx.matches.filter(inQuoteSheet)
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: ctx.title }),
    new Paragraph({
      children: [
        new TextRun({
          text: `Quote sheet: ${kept.length} of ${ctx.matches.length} reviews kept or highlighted · exported ${humanDate(ctx.exportedAt, ctx.locale)}`,
          italics: true,
        }),
      ],
    }),
  ]
  let currentWork: string | null = null
  for (const m of kept) {
    if (m.review.workId !== currentWork) {
      currentWork = m.review.workId
      const work = ctx.library.getWork(currentWork)
      const text = work ? workLabel(work) : 'Unknown work'
      children.push(new Paragraph({ heading: HeadingLevel.HEADING_2, text }))
    }
    children.push(...reviewParagraphs(m, ctx.locale))
  }
  if (kept.length === 0) {
    children.push(new Paragraph('Nothing in this selection is kept or highlighted yet.'))
  }
  const doc = new Document({
    creator: 'Review Curator',
    title: ctx.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22 } },
        title: { run: { font: FONT } },
        heading2: { run: { font: FONT } },
        heading3: { run: { font: FONT } },
      },
      paragraphStyles: [
        {
          id: 'Quote',
          name: 'Quote',
          basedOn: 'Normal',
          next: 'Normal',
          run: { italics: true, font: FONT },
          paragraph: { indent: { left: 720 }, spacing: { before: 120, after: 60 } },
        },
      ],
    },
    sections: [{ children }],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
