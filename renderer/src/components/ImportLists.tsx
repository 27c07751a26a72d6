import type { ReactNode } from 'react'
import type { AmbiguousByline } from '../../../shared/contract'
import type { ImportWarning, UnparsedFragment } from '../../../shared/domain'

// The lists an import preview and an import report share: what the parser was unsure of, what
// it warned about, and what it could not read at all. Lists are capped by main; `total` is exact.

function More({ shown, total, what }: { shown: number; total: number; what: string }) {
  if (total <= shown) return null
  return (
    <p className="hint">
      The first {shown} of {total} {what} are shown.
    </p>
  )
}

export function AmbiguousBylines({ items, total }: { items: AmbiguousByline[]; total: number }) {
  if (total === 0) return null
  return (
    <>
      <h4>Ambiguous bylines ({total})</h4>
      <p className="hint">
        IMDb runs the author&rsquo;s name into the date, so these could be split more than one way.
        The first reading is used; you can correct it in the reader.
      </p>
      <table className="report-table">
        <thead>
          <tr>
            <th scope="col">Line</th>
            <th scope="col">Byline as copied</th>
            <th scope="col">Possible readings</th>
          </tr>
        </thead>
        <tbody>
          {items.map((byline) => (
            <tr key={byline.line}>
              <td>{byline.line}</td>
              <td>
                <code>{byline.bylineRaw}</code>
              </td>
              <td>{byline.alternatives.map((alt) => `${alt.author} · ${alt.date}`).join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <More shown={items.length} total={total} what="ambiguous bylines" />
    </>
  )
}

export function Warnings({ items, total }: { items: ImportWarning[]; total: number }) {
  // Ambiguous bylines have their own list above; the count is of the warnings listed here. When
  // the list was capped, how many of the rest are bylines is unknown, hence the "+".
  const shown = items.filter((w) => w.code !== 'ambiguous-byline')
  if (shown.length === 0) return null
  return (
    <>
      <h4>
        Warnings ({shown.length}
        {items.length < total ? '+' : ''})
      </h4>
      <ul className="report-list">
        {shown.map((warning, i) => (
          <li key={i}>
            <span className="line-no">Line {warning.line}:</span> {warning.message}
          </li>
        ))}
      </ul>
      <More shown={items.length} total={total} what="warnings" />
    </>
  )
}

interface FragmentProps {
  items: UnparsedFragment[]
  total: number
  /** Shown next to the heading, e.g. a Copy button. */
  action?: ReactNode
}

export function Fragments({ items, total, action }: FragmentProps) {
  if (total === 0) return null
  return (
    <>
      <div className="section-head">
        <h4>Unparsed fragments ({total})</h4>
        {action}
      </div>
      <p className="hint">
        Text that could not be read as a review. It is kept with the import, never thrown away.
      </p>
      <ul className="report-list">
        {items.map((fragment, i) => (
          <li key={i}>
            <span className="line-no">Line {fragment.line}:</span>
            <pre className="fragment">{fragment.text}</pre>
          </li>
        ))}
      </ul>
      <More shown={items.length} total={total} what="fragments" />
    </>
  )
}

/** "The page declares 44 reviews but the copy holds 25", said plainly, or null. */
export function shortfallNote(found: number, declared: number | null, incomplete: boolean) {
  if (declared !== null && declared > found) {
    return `The page declares ${declared} reviews but only ${found} were in the copy — it was probably not fully expanded before copying.`
  }
  if (incomplete) {
    return 'The copy looks cut off: the start or end of the page is missing, so some reviews may be incomplete.'
  }
  return null
}
