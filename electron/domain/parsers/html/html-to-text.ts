import { parse, NodeType, type HTMLElement, type Node } from 'node-html-parser'

/** Elements whose content is never page text. */
const SKIP = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'head',
  'iframe',
  'select',
  'option',
  'canvas',
  'video',
  'audio',
  'object',
  'input',
  'textarea',
  'nav',
])

/** Elements that start a new line, as a browser lays them out and a copy reproduces them. */
const BLOCK = new Set([
  'address',
  'button',
  'article',
  'aside',
  'blockquote',
  'dd',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'section',
  'table',
  'tr',
  'ul',
  'summary',
  'details',
  'body',
  'html',
  'title',
])

/**
 * Inline elements that newer IMDb pages lay out as separate boxes (vote counts, review dates, the
 * count beside a heading): a browser copy puts them on lines of their own.
 */
const BLOCK_CLASS = /count|subtext|review-date|voting__label/i

/** Paragraphs get a blank line around them, like review bodies copied from a browser. */
const PARAGRAPH = new Set(['p', 'pre'])

/**
 * Turns a saved HTML page into the text a browser copy would give, so the same layout parsers
 * read it: block elements on their own lines, <br> as a line break, paragraphs apart, scripts,
 * styles and forms dropped, entities decoded.
 */
export function htmlToText(html: string): string {
  const root = parse(html, {
    comment: false,
    blockTextElements: { script: false, style: false, noscript: false, pre: true },
  })
  const body = root.querySelector('body') ?? root
  const out = new TextBuilder()
  walk(body, out)
  return out.finish()
}

/** A node to lay out, or the end of a block or paragraph whose children were laid out. */
type Step = Node | 'end-block' | 'end-paragraph'

/**
 * Depth-first over an explicit stack rather than by recursion: a page nested thousands of
 * elements deep must not overflow the call stack.
 */
function walk(root: Node, out: TextBuilder): void {
  const stack: Step[] = [root]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node === 'end-block') out.endLine()
    else if (node === 'end-paragraph') out.paragraph()
    else visit(node, out, stack)
  }
}

function visit(node: Node, out: TextBuilder, stack: Step[]): void {
  if (node.nodeType === NodeType.TEXT_NODE) {
    out.text(node.text)
    return
  }
  if (node.nodeType !== NodeType.ELEMENT_NODE) return
  const element = node as HTMLElement
  const tag = element.rawTagName?.toLowerCase() ?? ''
  if (SKIP.has(tag) || element.getAttribute('hidden') !== undefined) return
  if (tag === 'br') {
    out.lineBreak()
    return
  }
  if (tag === 'td' || tag === 'th') out.text(' ')
  const block = BLOCK.has(tag) || BLOCK_CLASS.test(element.getAttribute('class') ?? '')
  const paragraph = PARAGRAPH.has(tag)
  if (paragraph) out.paragraph()
  else if (block) out.endLine()
  // The end goes on the stack first so it runs after every child.
  if (paragraph) stack.push('end-paragraph')
  else if (block) stack.push('end-block')
  if (tag === 'pre') out.pre(element.text)
  else for (let i = element.childNodes.length - 1; i >= 0; i--) stack.push(element.childNodes[i]!)
}

class TextBuilder {
  private readonly lines: string[] = []
  private line = ''

  text(value: string): void {
    const collapsed = value.replace(/[ \t\n\r\f]+/g, ' ')
    if (collapsed === ' ' && (this.line === '' || this.line.endsWith(' '))) return
    this.line += this.line.endsWith(' ') ? collapsed.replace(/^ /, '') : collapsed
  }

  pre(value: string): void {
    const [first = '', ...rest] = value.split('\n')
    this.line += first
    for (const next of rest) {
      this.lineBreak()
      this.line = next
    }
  }

  /** Ends the current line if it has text (block boundaries do not stack up blank lines). */
  endLine(): void {
    if (this.line.trim() !== '') this.lineBreak()
  }

  lineBreak(): void {
    this.lines.push(this.line.trim())
    this.line = ''
  }

  paragraph(): void {
    this.endLine()
    if (this.lines.length > 0 && this.lines.at(-1) !== '') this.lines.push('')
  }

  finish(): string {
    this.endLine()
    return this.lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  }
}
