import { workLabel } from '../../shared/work-label'
import type { FileImportReport, ImportReport } from '../../shared/contract'

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`

function more(shown: number, total: number): string[] {
  return total > shown ? [`  ... and ${total - shown} more (--json lists the first ${shown})`] : []
}

function declaredLine(f: FileImportReport): string | null {
  if (f.declared !== null && f.declared > f.found) {
    return `  The page declares ${plural(f.declared, 'review')} but the copy holds ${f.found}: it was probably not fully expanded ("Load more") before copying.`
  }
  if (f.incomplete) return '  The copy looks cut off: its first or last review may be incomplete.'
  return null
}

function fileLines(f: FileImportReport, dryRun: boolean): string[] {
  const works = f.works.map(workLabel).join(', ')
  const encoding = f.encoding ? `, ${f.encoding}` : ''
  const generic = f.generic ? ' (best-effort generic parser: check the result)' : ''
  const declared = f.declared === null ? '' : ` of ${f.declared} declared`
  const verb = dryRun ? 'would be ' : ''
  const lines = [
    `${f.fileName}: ${f.format}${encoding}${generic}`,
    `  ${f.works.length === 1 ? 'Work' : 'Works'}: ${works || '-'}`,
    `  ${plural(f.found, 'review')} found${declared}`,
    `  ${f.added} ${verb}added, ${f.updated} ${verb}updated, ${f.unchanged} unchanged`,
  ]
  const note = declaredLine(f)
  if (note) lines.push(note)
  for (const b of f.ambiguousBylines) {
    const alts = b.alternatives.map((a) => `${a.author} / ${a.date}`).join(' or ')
    lines.push(`  line ${b.line}: ambiguous byline "${b.bylineRaw}": ${alts}`)
  }
  lines.push(...more(f.ambiguousBylines.length, f.ambiguousCount))
  const warnings = f.warnings.filter((w) => w.code !== 'ambiguous-byline')
  for (const w of warnings) lines.push(`  line ${w.line}: ${w.message}`)
  lines.push(...more(f.warnings.length, f.warningCount))
  for (const fr of f.fragments) {
    const first = fr.text.split('\n')[0] ?? ''
    lines.push(`  line ${fr.line}: unparsed text kept: ${first.slice(0, 60)}`)
  }
  lines.push(...more(f.fragments.length, f.fragmentCount))
  return lines
}

export function formatImportReport(report: ImportReport): string {
  const lines = report.files.flatMap((f) => fileLines(f, report.dryRun === true))
  return `${lines.join('\n')}\n`
}
