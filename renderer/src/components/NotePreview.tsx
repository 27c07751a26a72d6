import { useMemo } from 'react'
import Markdown, { type Components } from 'react-markdown'
import { useCuration, type CurationCommands } from '../hooks/useCuration'

// react-markdown builds React elements from the Markdown syntax tree and never renders raw HTML
// (no rehype-raw), so a note cannot inject markup, scripts or inline styles: the CSP stays strict.
// Links open in the system browser through main, which allows only https URLs.
const markdownParts = (openExternal: CurationCommands['openExternal']): Components => ({
  a: ({ href, children }) => (
    <a
      href={href}
      onClick={(event) => {
        event.preventDefault()
        if (href) void openExternal(href).catch(() => undefined)
      }}
    >
      {children}
    </a>
  ),
  img: ({ alt }) => <span className="hint">[image: {alt}]</span>,
})

export function NotePreview({ text }: { text: string }) {
  const { openExternal } = useCuration()
  const components = useMemo(() => markdownParts(openExternal), [openExternal])
  if (!text.trim()) return null
  return (
    <div className="note-preview" aria-label="Note preview" role="region">
      <Markdown components={components} skipHtml>
        {text}
      </Markdown>
    </div>
  )
}
