import type { ReparseDiff } from '../../shared/channels/library'
import { applyReparse, previewReparse } from '../app/import/reparse-service'
import type { Library } from '../domain/library/library'

export const REPARSE_USAGE = `  reparse                        re-read the kept source of every import with today's parsers
                                 and show what would change (reviews added, removed, changed)
    --import ID                  only that import
    --apply                      write the changes (one undoable step; curation stays by id)`

export const REPARSE_OPTIONS = {
  import: { type: 'string' },
  apply: { type: 'boolean' },
} as const

export interface ReparseValues {
  json?: boolean
  import?: string
  apply?: boolean
}

const MARK = { added: '+', removed: '-', changed: '~' } as const

/** The diff as a person reads it: per import, then per review (capped), then the totals. */
export function formatReparse(diff: ReparseDiff): string {
  const lines: string[] = []
  for (const i of diff.imports) {
    const what = `${i.fileName} (${i.recordId}, imported ${i.importedAt})`
    lines.push(
      i.status === 'reparsed'
        ? `${what}: ${i.added} added, ${i.removed} removed, ${i.changed} changed`
        : `${what}: not re-parsed: ${i.message}`,
    )
  }
  for (const r of diff.reviews) {
    const fields = r.fields.length ? `: ${r.fields.join(', ')}` : ''
    lines.push(`  ${MARK[r.kind]} ${r.id} “${r.title}” by ${r.author} (${r.workTitle})${fields}`)
  }
  const total = diff.added + diff.removed + diff.changed
  if (total > diff.reviews.length) lines.push(`  … and ${total - diff.reviews.length} more`)
  const counts = `${diff.added} added, ${diff.removed} removed, ${diff.changed} changed`
  if (total === 0) lines.push('Nothing to change: the kept sources read as the library holds them.')
  else if (diff.applied) lines.push(`Applied (${diff.applied}): ${counts}. Undo it in the app.`)
  else lines.push(`${counts}. Run again with --apply to write these changes.`)
  return `${lines.join('\n')}\n`
}

export async function runReparseCommand(
  library: Library,
  values: ReparseValues,
  io: { stdout: (text: string) => void },
): Promise<void> {
  const diff = values.apply
    ? await applyReparse(library, values.import)
    : await previewReparse(library, values.import)
  io.stdout(values.json ? `${JSON.stringify(diff, null, 2)}\n` : formatReparse(diff))
}
