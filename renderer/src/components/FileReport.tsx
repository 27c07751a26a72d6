import type { FileImportReport } from '../../../shared/contract'
import type { FormatId } from '../../../shared/domain'
import { plural, workLabel } from '../format'

const FORMAT_LABELS: Record<FormatId, string> = {
  'imdb-title-reviews-text': 'IMDb user reviews page (copied text)',
  'imdb-title-reviews-mobile-text': 'IMDb user reviews page, mobile layout (copied text)',
  'imdb-user-reviews-text': "IMDb reviewer's own review list (copied text)",
  'imdb-single-review-text': 'IMDb single review page (copied text)',
  'imdb-legacy-text': 'IMDb user reviews page, older layout (copied text)',
  'imdb-html': 'IMDb page saved as HTML',
  'generic-text': 'Review list from another site (best-effort generic parser)',
  json: 'JSON',
  jsonl: 'JSON Lines',
  csv: 'CSV',
  tsv: 'TSV',
  'review-curator-export': 'Review Curator export',
}

function foundLine(file: FileImportReport): string {
  const found = plural(file.found, 'review')
  return file.declared === null ? `${found} found` : `${found} found of ${file.declared} declared`
}

function incompleteNote(file: FileImportReport): string {
  if (file.declared !== null && file.declared > file.found) {
    return `The page declares ${file.declared} reviews but only ${file.found} were in the copy — it was probably not fully expanded before copying.`
  }
  return 'The copy looks cut off: the start or end of the page is missing, so some reviews may be incomplete.'
}

export function FileReport({ file }: { file: FileImportReport }) {
  return (
    <section className="file-report">
      <h3>{file.fileName}</h3>
      <dl className="facts">
        <dt>Format</dt>
        <dd>{FORMAT_LABELS[file.format] ?? file.format}</dd>
        <dt>{file.works.length === 1 ? 'Work' : 'Works'}</dt>
        <dd>{file.works.length > 0 ? file.works.map(workLabel).join(', ') : '—'}</dd>
        <dt>Reviews</dt>
        <dd>{foundLine(file)}</dd>
        <dt>Library</dt>
        <dd>
          {file.added} added · {file.updated} updated · {file.unchanged} unchanged
        </dd>
      </dl>
      {file.incomplete && <p className="note warning-note">{incompleteNote(file)}</p>}

      {file.ambiguousBylines.length > 0 && (
        <>
          <h4>Ambiguous bylines ({file.ambiguousBylines.length})</h4>
          <p className="hint">
            IMDb runs the author&rsquo;s name into the date, so these could be split more than one
            way. The first reading was used; check them in the reader.
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
              {file.ambiguousBylines.map((byline) => (
                <tr key={byline.line}>
                  <td>{byline.line}</td>
                  <td>
                    <code>{byline.bylineRaw}</code>
                  </td>
                  <td>
                    {byline.alternatives.map((alt) => `${alt.author} · ${alt.date}`).join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      {file.warnings.length > 0 && (
        <>
          <h4>Warnings ({file.warnings.length})</h4>
          <ul className="report-list">
            {file.warnings.map((warning, i) => (
              <li key={i}>
                <span className="line-no">Line {warning.line}:</span> {warning.message}
              </li>
            ))}
          </ul>
        </>
      )}

      {file.fragments.length > 0 && (
        <>
          <h4>Unparsed fragments ({file.fragments.length})</h4>
          <ul className="report-list">
            {file.fragments.map((fragment, i) => (
              <li key={i}>
                <span className="line-no">Line {fragment.line}:</span>
                <pre className="fragment">{fragment.text}</pre>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  )
}
