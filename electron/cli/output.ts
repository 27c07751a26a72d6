import type { ImportReport } from '../../shared/contract'
import type { ExportedReview } from '../domain/services/review-export'

export function formatImportReport(report: ImportReport): string {
  const lines: string[] = []
  for (const f of report.files) {
    const works = f.works.map((w) => (w.year ? `${w.title} (${w.year})` : w.title)).join(', ')
    const declared = f.declared === null ? '' : ` of ${f.declared} declared`
    lines.push(`${f.fileName}: ${f.format}, ${works}`)
    lines.push(
      `  ${f.found} reviews found${declared}${f.incomplete ? ' (the page was incomplete)' : ''}`,
    )
    lines.push(`  ${f.added} added, ${f.updated} updated, ${f.unchanged} unchanged`)
    for (const b of f.ambiguousBylines) {
      const alts = b.alternatives.map((a) => `${a.author} / ${a.date}`).join(' or ')
      lines.push(`  line ${b.line}: ambiguous byline "${b.bylineRaw}": ${alts}`)
    }
    for (const w of f.warnings.filter((w) => w.code !== 'ambiguous-byline')) {
      lines.push(`  line ${w.line}: ${w.message}`)
    }
    for (const fr of f.fragments)
      lines.push(`  line ${fr.line}: unparsed text kept: ${fr.text.slice(0, 60)}`)
  }
  return `${lines.join('\n')}\n`
}

export function formatReviewTable(reviews: ExportedReview[]): string {
  const rows = reviews.map((r) =>
    [
      r.id,
      r.rating === null ? '  -' : `${r.rating}`.padStart(3),
      r.curation.myRating === null ? '  -' : `${r.curation.myRating}`.padStart(3),
      r.date ?? '          ',
      r.author.slice(0, 20).padEnd(20),
      r.title.slice(0, 60),
      r.curation.tags.length ? `[${r.curation.tags.join(', ')}]` : '',
    ].join('  '),
  )
  return rows.length ? `${rows.join('\n')}\n` : 'The library holds no reviews.\n'
}
