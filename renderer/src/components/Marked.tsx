import { matchRanges } from '../search-marks'

/** Text with the search's matches wrapped in <mark>. */
export function Marked({ text, terms }: { text: string; terms: string[] }) {
  const ranges = matchRanges(text, terms)
  if (ranges.length === 0) return <>{text}</>
  const parts: (string | React.JSX.Element)[] = []
  let at = 0
  for (const r of ranges) {
    if (r.start < at) continue
    if (r.start > at) parts.push(text.slice(at, r.start))
    parts.push(
      <mark key={r.start} className="match">
        {text.slice(r.start, r.end)}
      </mark>,
    )
    at = r.end
  }
  if (at < text.length) parts.push(text.slice(at))
  return <>{parts}</>
}
