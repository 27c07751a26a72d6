import MarkdownIt from 'markdown-it'

// Notes are the user's own Markdown (bold, lists, links), rendered into the HTML report and so
// into the PDF. markdown-it with `html: false` escapes any raw HTML as text and refuses
// javascript:, vbscript: and file: links; on top of that a note cannot add images (the report
// loads nothing) or headings (the report's outline stays its own).
const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false })
md.disable(['heading', 'lheading'])

md.renderer.rules.image = (tokens, idx) => `[image: ${md.utils.escapeHtml(tokens[idx]!.content)}]`

const defaultLinkOpen =
  md.renderer.rules.link_open ??
  ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options))
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]!.attrSet('rel', 'noopener noreferrer')
  return defaultLinkOpen(tokens, idx, options, env, self)
}

/** A note's Markdown as safe HTML: every piece of text escaped, no raw HTML, no images. */
export function noteHtml(markdown: string): string {
  return md.render(markdown.replace(/\r\n?/g, '\n')).trim()
}
