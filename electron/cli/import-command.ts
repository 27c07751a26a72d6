import { FORMAT_IDS } from '../../shared/channels/import'
import type { FormatId } from '../../shared/domain'
import { BadInputError } from '../domain/errors'
import { importPaths } from '../app/import/run-import'
import type { Library } from '../domain/library/library'
import { formatImportReport } from './import-output'

export const IMPORT_USAGE = `  import FILE...                 import review dumps (--json prints the report as JSON)
    --format FMT                 read every file as FMT instead of detecting it; FMT is one of
                                 ${FORMAT_IDS.join(', ')}
    --dry-run                    print the report of what would change, change nothing
    --progress                   show progress on stderr (the default when stderr is a terminal)`

export const IMPORT_OPTIONS = {
  'dry-run': { type: 'boolean' },
  progress: { type: 'boolean' },
} as const

export interface ImportValues {
  json?: boolean
  format?: string
  'dry-run'?: boolean
  progress?: boolean
}

export interface ImportIo {
  stdout: (text: string) => void
  stderr: (text: string) => void
  stderrIsTTY?: boolean
  signal?: AbortSignal
}

function formatOf(raw: string | undefined): FormatId | undefined {
  if (raw === undefined) return undefined
  if ((FORMAT_IDS as readonly string[]).includes(raw)) return raw as FormatId
  throw new BadInputError(
    `import: --format must be one of ${FORMAT_IDS.join(', ')}, got ${JSON.stringify(raw)}`,
  )
}

/** A one-line bar redrawn in place on a terminal; plain lines (one per 10%) otherwise. */
function progressPrinter(io: ImportIo) {
  let lastShown = -1
  return (phase: string, fileName: string, fraction: number) => {
    const percent = Math.floor(fraction * 100)
    if (io.stderrIsTTY) {
      if (percent === lastShown) return
      lastShown = percent
      const width = 24
      const filled = Math.round((percent / 100) * width)
      const bar = `${'#'.repeat(filled)}${'-'.repeat(width - filled)}`
      io.stderr(`\r[${bar}] ${String(percent).padStart(3)}% ${phase} ${fileName}`.padEnd(80))
    } else {
      const step = Math.floor(percent / 10) * 10
      if (step === lastShown) return
      lastShown = step
      io.stderr(`${phase} ${fileName}: ${step}%\n`)
    }
  }
}

export async function runImportCommand(
  library: Library,
  paths: string[],
  values: ImportValues,
  io: ImportIo,
): Promise<void> {
  const format = formatOf(values.format)
  const showProgress = values.progress ?? io.stderrIsTTY === true
  const print = showProgress ? progressPrinter(io) : undefined
  try {
    const report = await importPaths(library, paths, {
      parse: format ? { format } : {},
      dryRun: values['dry-run'] === true,
      onProgress: print,
      signal: io.signal,
    })
    if (print && io.stderrIsTTY) io.stderr('\n')
    if (values.json) io.stdout(`${JSON.stringify(report, null, 2)}\n`)
    else {
      io.stdout(formatImportReport(report))
      if (report.dryRun) io.stdout('Dry run: nothing was written.\n')
    }
  } catch (e) {
    if (print && io.stderrIsTTY) io.stderr('\n')
    throw e
  }
}
