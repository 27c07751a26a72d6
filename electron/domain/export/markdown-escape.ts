// Review text is written by strangers; in a quote sheet it must read as the words it is, not as
// Markdown. Inline markers are backslash-escaped everywhere (CommonMark allows a backslash before
// any ASCII punctuation), and what would start a block (heading, quote, list, rule, fence,
// setext underline, numbered item) is escaped at the start of a line.

const INLINE = /[\\`*_[\]<>|~!]/g
const BLOCK_START = /^(\s*)([#>+\-=]|\d+[.)])/

export function escapeMarkdownLine(line: string): string {
  const inline = line.replace(INLINE, (c) => `\\${c}`)
  return inline.replace(BLOCK_START, (_all, space: string, marker: string) =>
    /\d/.test(marker[0]!)
      ? `${space}${marker.slice(0, -1)}\\${marker.slice(-1)}`
      : `${space}\\${marker}`,
  )
}

/** Escapes text that may span lines; every line is escaped on its own. */
export function escapeMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').split('\n').map(escapeMarkdownLine).join('\n')
}

/** A block quote of (escaped) text: every line, blank ones included, starts with "> ". */
export function quoteBlock(text: string): string {
  return escapeMarkdown(text.trim())
    .split('\n')
    .map((l) => (l ? `> ${l}` : '>'))
    .join('\n')
}

/**
 * A note as the user wrote it, Markdown and all, except raw HTML: the app never renders HTML in
 * a note, so neither may a Markdown viewer of the quote sheet. Only `<` is escaped.
 */
export function noteMarkdown(text: string): string {
  return text.replace(/\r\n?/g, '\n').trim().replace(/</g, '\\<')
}
